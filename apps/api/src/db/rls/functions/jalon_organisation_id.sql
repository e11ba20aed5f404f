create or replace function jalon_organisation_id()
 RETURNS uuid
 LANGUAGE sql
 STABLE
AS $$ select nullif(current_setting('jalon.organisation_id', true), '')::uuid $$;
