create or replace function jalon_tenants_with_unreported_contracts(p_period text, p_first_day date, p_last_day date)
 RETURNS SETOF uuid
 LANGUAGE sql
 STABLE SECURITY DEFINER
 SET search_path TO 'public'
AS $$
select distinct c.tenant_id from assisted_contract c
 where c.start_on <= p_last_day and coalesce(c.ended_on, c.end_on, 'infinity'::date) >= p_first_day
   and not exists (select 1 from contract_report r where r.contract_id = c.id and r.period = p_period)
$$;

revoke all on function jalon_tenants_with_unreported_contracts(p_period text, p_first_day date, p_last_day date) from public;
grant execute on function jalon_tenants_with_unreported_contracts(p_period text, p_first_day date, p_last_day date) to jalon_app;
