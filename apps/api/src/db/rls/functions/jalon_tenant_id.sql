create or replace function jalon_tenant_id()
 RETURNS uuid
 LANGUAGE sql
 STABLE
AS $$ select nullif(current_setting('jalon.tenant_id', true), '')::uuid $$;
