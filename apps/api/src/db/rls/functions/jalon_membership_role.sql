-- A membership's role as stored, before the statement that updates it: a partner's administrator
-- may switch a member's access on and off but not change its role. Security definer, as the
-- membership policies read it.
create or replace function jalon_membership_role(p_membership uuid)
 RETURNS membership_role
 LANGUAGE sql
 STABLE SECURITY DEFINER
 SET search_path TO 'public'
AS $$
select m.role from membership m where m.id = p_membership and m.tenant_id = jalon_tenant_id()
$$;

revoke all on function jalon_membership_role(p_membership uuid) from public;
grant execute on function jalon_membership_role(p_membership uuid) to jalon_app;
