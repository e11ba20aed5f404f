create or replace function jalon_partner_company()
 RETURNS uuid
 LANGUAGE sql
 STABLE SECURITY DEFINER
 SET search_path TO 'public'
AS $$
select c.id from company c where c.tenant_id = jalon_tenant_id() and not jalon_is_staff() and c.organisation_id = jalon_organisation_id()
$$;

revoke all on function jalon_partner_company() from public;
grant execute on function jalon_partner_company() to jalon_app;
