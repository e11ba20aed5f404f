-- The seal of a partner's reach as jalon_partner_reach() stashes it: a hash keyed by the secret the
-- application role cannot read (row_security_secret), of the sets' text and of what they were
-- computed for: this backend's transaction, and the request's settings the grants depend on (the
-- tenant, organisation, staff flag and instant, as set). A stash whose text was changed, carried to
-- another transaction or kept after one of these settings changed has no valid seal. Nested (the
-- secret, then the hash of the secret and the message) so that nothing can be appended to a sealed
-- text. Not granted to the application role: sealing a text of its choosing would forge a reach.
-- PL/pgSQL with a kept, generic plan: as SQL, its query was planned on every call (db/rls/README.md).
create or replace function jalon_partner_reach_seal(p_sets text)
 RETURNS text
 LANGUAGE plpgsql
 STABLE SECURITY DEFINER
 SET search_path TO 'public'
 SET plan_cache_mode TO 'force_generic_plan'
AS $$
begin
  return (select encode(sha256(convert_to(s.secret || encode(sha256(convert_to(concat_ws('|', s.secret, pg_backend_pid(), transaction_timestamp(),
            current_setting('jalon.tenant_id', true), current_setting('jalon.organisation_id', true), current_setting('jalon.staff', true),
            current_setting('jalon.now', true), p_sets), 'UTF8')), 'hex'), 'UTF8')), 'hex')
            from row_security_secret s);
end
$$;

revoke all on function jalon_partner_reach_seal(p_sets text) from public;
