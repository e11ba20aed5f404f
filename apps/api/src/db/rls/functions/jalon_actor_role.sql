-- The role of the membership the request acts through (its user, organisation and tenant, still
-- active), or null. Security definer, as the membership policies read it.
create or replace function jalon_actor_role()
 RETURNS membership_role
 LANGUAGE sql
 STABLE SECURITY DEFINER
 SET search_path TO 'public'
AS $$
select m.role from membership m
 where m.user_id = jalon_user_id() and m.organisation_id = jalon_organisation_id() and m.tenant_id = jalon_tenant_id() and m.active
$$;

revoke all on function jalon_actor_role() from public;
grant execute on function jalon_actor_role() to jalon_app;
