-- PL/pgSQL with a kept, generic plan: as SQL, its query was planned on every call (db/rls/README.md).
create or replace function jalon_partner_company()
 RETURNS uuid
 LANGUAGE plpgsql
 STABLE SECURITY DEFINER
 SET search_path TO 'public'
 SET plan_cache_mode TO 'force_generic_plan'
AS $$
begin
  return (select c.id from company c where c.tenant_id = jalon_tenant_id() and not jalon_is_staff() and c.organisation_id = jalon_organisation_id() limit 1);
end
$$;

revoke all on function jalon_partner_company() from public;
grant execute on function jalon_partner_company() to jalon_app;
