-- Opens a request made with a participant's own session cookie (access/authenticate.ts), in one
-- round trip: switches the transaction to the application role, sets the cookie's token, reads its
-- session (row-level security shows a participant_session only to its token) and sets the
-- participant and the request's clock. No tenant, no user, no organisation and staff false: every
-- policy but the participant's own ones hides every row. Whether the session is still live is the
-- API's to decide next: when it is not, the API clears the participant.
create or replace function jalon_open_participant_session(p_token_hash text, p_now timestamp with time zone)
 RETURNS TABLE(session_id uuid, participant_id uuid, tenant_id uuid, expires_at timestamp with time zone, last_seen_at timestamp with time zone, revoked_at timestamp with time zone)
 LANGUAGE plpgsql
AS $$
#variable_conflict use_column
declare
  opened participant_session;
begin
  set local role jalon_app;
  perform set_config('jalon.session_token', p_token_hash, true);
  select * into opened from participant_session s where s.token_hash = p_token_hash;
  if not found then return; end if;
  perform set_config('jalon.participant_id', opened.participant_id::text, true),
          set_config('jalon.tenant_id', '', true),
          set_config('jalon.organisation_id', '', true),
          set_config('jalon.staff', 'false', true),
          set_config('jalon.now', p_now::text, true);
  return query select opened.id, opened.participant_id, opened.tenant_id, opened.expires_at, opened.last_seen_at, opened.revoked_at;
end
$$;

revoke all on function jalon_open_participant_session(p_token_hash text, p_now timestamp with time zone) from public;
grant execute on function jalon_open_participant_session(p_token_hash text, p_now timestamp with time zone) to jalon_app;
