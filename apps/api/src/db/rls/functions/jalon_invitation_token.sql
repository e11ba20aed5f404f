create or replace function jalon_invitation_token()
 RETURNS text
 LANGUAGE sql
 STABLE
AS $$ select nullif(current_setting('jalon.invitation_token', true), '')::text $$;
