create or replace function jalon_session_token()
 RETURNS text
 LANGUAGE sql
 STABLE
AS $$ select nullif(current_setting('jalon.session_token', true), '')::text $$;
