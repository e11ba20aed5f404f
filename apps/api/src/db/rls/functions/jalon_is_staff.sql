create or replace function jalon_is_staff()
 RETURNS boolean
 LANGUAGE sql
 STABLE
AS $$ select coalesce(nullif(current_setting('jalon.staff', true), '')::boolean, false) $$;
