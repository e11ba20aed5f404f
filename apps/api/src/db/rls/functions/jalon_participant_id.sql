-- The participant whose own session the request runs for (set by jalon_open_participant_session,
-- cleared by the API when that session is no longer live); null for every other request.
create or replace function jalon_participant_id()
 RETURNS uuid
 LANGUAGE sql
 STABLE
AS $$ select nullif(current_setting('jalon.participant_id', true), '')::uuid $$;
