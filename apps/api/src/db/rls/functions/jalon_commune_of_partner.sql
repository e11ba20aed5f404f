create or replace function jalon_commune_of_partner()
 RETURNS text
 LANGUAGE sql
 STABLE SECURITY DEFINER
 SET search_path TO 'public'
AS $$
select o.insee_code from organisation o
 where o.id = jalon_organisation_id() and o.tenant_id = jalon_tenant_id() and o.kind = 'COMMUNE'::organisation_kind and not jalon_is_staff()
$$;

revoke all on function jalon_commune_of_partner() from public;
grant execute on function jalon_commune_of_partner() to jalon_app;
