create or replace function jalon_auth_ip()
 RETURNS text
 LANGUAGE sql
 STABLE
AS $$ select nullif(current_setting('jalon.auth_ip', true), '')::text $$;
