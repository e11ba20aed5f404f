create or replace function jalon_auth_email()
 RETURNS text
 LANGUAGE sql
 STABLE
AS $$ select nullif(current_setting('jalon.auth_email', true), '')::text $$;
