-- The tenant's staff organisations (animation team, referent operators): a partner is shown the
-- names of their members (its people's referents, meeting organisers). Security definer, as the
-- membership policy reads it and the organisation policy reads membership.
-- PL/pgSQL with a kept, generic plan: as SQL, its query was planned on every call (db/rls/README.md).
create or replace function jalon_staff_organisations()
 RETURNS uuid[]
 LANGUAGE plpgsql
 STABLE SECURITY DEFINER
 SET search_path TO 'public'
 SET plan_cache_mode TO 'force_generic_plan'
AS $$
begin
  return (select coalesce(array_agg(o.id), '{}') from organisation o
           where o.tenant_id = jalon_tenant_id() and o.kind in ('ANIMATION_TEAM', 'REFERENT_OPERATOR'));
end
$$;

revoke all on function jalon_staff_organisations() from public;
grant execute on function jalon_staff_organisations() to jalon_app;
