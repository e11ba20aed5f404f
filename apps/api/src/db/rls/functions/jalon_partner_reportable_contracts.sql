create or replace function jalon_partner_reportable_contracts()
 RETURNS uuid[]
 LANGUAGE plpgsql
 STABLE SECURITY DEFINER
 SET search_path TO 'public'
AS $$
begin
  return (select coalesce(array_agg(c.id), '{}') from assisted_contract c
   where c.tenant_id = jalon_tenant_id() and c.stage_id = any(jalon_partner_reportable_stages('CONTRACT_REPORTS', 'CONTRACT_REPORTING')));
end
$$;

revoke all on function jalon_partner_reportable_contracts() from public;
grant execute on function jalon_partner_reportable_contracts() to jalon_app;
