create or replace function jalon_user_id()
 RETURNS uuid
 LANGUAGE sql
 STABLE
AS $$ select nullif(current_setting('jalon.user_id', true), '')::uuid $$;
