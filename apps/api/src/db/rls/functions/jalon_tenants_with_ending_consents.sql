create or replace function jalon_tenants_with_ending_consents(p_now timestamp with time zone)
 RETURNS SETOF uuid
 LANGUAGE sql
 STABLE SECURITY DEFINER
 SET search_path TO 'public'
AS $$
select distinct c.tenant_id from consent c join pathway p on p.id = c.pathway_id
 where c.status = 'ACTIVE' and ((c.valid_until is not null and c.valid_until <= p_now) or p.status = 'CLOSED')
$$;

revoke all on function jalon_tenants_with_ending_consents(p_now timestamp with time zone) from public;
grant execute on function jalon_tenants_with_ending_consents(p_now timestamp with time zone) to jalon_app;
