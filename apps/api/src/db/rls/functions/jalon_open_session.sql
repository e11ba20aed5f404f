-- Opens a request in one round trip (access/authenticate.ts): switches the transaction to the
-- application role, sets the cookie's token, reads its session, sets the session's user and reads
-- the membership it acts through if still active, with its organisation's kind and its tenant's
-- setting. Invoker rights: each read is under row-level security, in the order the settings allow,
-- exactly as the separate statements were. No row: no session for this token (or no token).
-- Whether the session is still live, and the tenant's settings, are the API's to decide next.
create or replace function jalon_open_session(p_token_hash text)
 RETURNS TABLE(session_id uuid, user_id uuid, expires_at timestamp with time zone, last_seen_at timestamp with time zone, revoked_at timestamp with time zone, membership_id uuid, tenant_id uuid, organisation_id uuid, organisation_kind text, role text, colleagues_can_read boolean)
 LANGUAGE plpgsql
AS $$
#variable_conflict use_column
declare
  opened session;
begin
  set local role jalon_app;
  perform set_config('jalon.session_token', coalesce(p_token_hash, ''), true);
  if p_token_hash is null then return; end if;
  select * into opened from session s where s.token_hash = p_token_hash;
  if not found then return; end if;
  perform set_config('jalon.user_id', opened.user_id::text, true);
  return query
    select opened.id, opened.user_id, opened.expires_at, opened.last_seen_at, opened.revoked_at,
           m.id, m.tenant_id, m.organisation_id, o.kind::text, m.role::text, t.colleagues_can_read
      from (select 1) one
      left join (membership m join organisation o on o.id = m.organisation_id join tenant t on t.id = m.tenant_id)
        on m.id = opened.membership_id and m.active;
end
$$;

revoke all on function jalon_open_session(p_token_hash text) from public;
grant execute on function jalon_open_session(p_token_hash text) to jalon_app;
