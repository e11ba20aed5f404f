-- The tenant's staff organisations (animation team, referent operators): a partner is shown the
-- names of their members (its people's referents, meeting organisers). Security definer, as the
-- membership policy reads it and the organisation policy reads membership.
create or replace function jalon_staff_organisations()
 RETURNS uuid[]
 LANGUAGE sql
 STABLE SECURITY DEFINER
 SET search_path TO 'public'
AS $$
select coalesce(array_agg(o.id), '{}') from organisation o
 where o.tenant_id = jalon_tenant_id() and o.kind in ('ANIMATION_TEAM', 'REFERENT_OPERATOR')
$$;

revoke all on function jalon_staff_organisations() from public;
grant execute on function jalon_staff_organisations() to jalon_app;
