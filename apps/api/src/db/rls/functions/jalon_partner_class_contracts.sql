create or replace function jalon_partner_class_contracts(p_class text)
 RETURNS uuid[]
 LANGUAGE plpgsql
 STABLE SECURITY DEFINER
 SET search_path TO 'public'
AS $$
begin
  return (select coalesce(array_agg(c.id), '{}') from assisted_contract c where c.tenant_id = jalon_tenant_id() and c.stage_id = any(jalon_partner_class_stages(p_class)));
end
$$;

revoke all on function jalon_partner_class_contracts(p_class text) from public;
grant execute on function jalon_partner_class_contracts(p_class text) to jalon_app;
