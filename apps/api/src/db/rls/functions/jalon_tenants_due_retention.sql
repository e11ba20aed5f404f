-- The tenants whose daily retention run of p_day is not recorded yet (the job's sweep, before any
-- tenant is set: modules/retention/retention-run.ts). Security definer: it reads every tenant.
create or replace function jalon_tenants_due_retention(p_day date)
 RETURNS TABLE(tenant_id uuid)
 LANGUAGE sql
 STABLE SECURITY DEFINER
 SET search_path TO 'public'
AS $$
select t.id from tenant t where not exists (select 1 from retention_run r where r.tenant_id = t.id and r.kind = 'DAILY' and r.day = p_day) order by t.id
$$;

revoke all on function jalon_tenants_due_retention(p_day date) from public;
grant execute on function jalon_tenants_due_retention(p_day date) to jalon_app;
