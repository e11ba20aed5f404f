-- An entry may carry a reason (a read of an archived file by the animation team: access/archive-access.ts); its digest covers it.
-- Appends one request's entries to its tenant's access log in a statement of its own, run outside
-- any transaction (db/access-log.query.ts): the chain's head is read under the tenant's lock
-- (jalon_access_log_head) and the new entries chained in the same statement, sha256(previous hash ‖
-- entry digest), so the lock is held for this statement only, never while the API does anything
-- else. Each step reads its entry by position: joining the entries' set at each step read them all
-- again, n² for n entries (5 ms of a partner's list of 70). Invoker rights: it acts as the
-- application role with the request's tenant, organisation and user, and the insert is under the
-- access log's policy as before.
create or replace function jalon_append_access_log(p_tenant uuid, p_organisation uuid, p_user uuid, p_at timestamp with time zone, p_request text, p_entries jsonb)
 RETURNS void
 LANGUAGE plpgsql
AS $$
begin
  set local role jalon_app;
  perform set_config('jalon.tenant_id', p_tenant::text, true), set_config('jalon.organisation_id', p_organisation::text, true),
    set_config('jalon.user_id', p_user::text, true);
  -- The tenant is checked once here rather than by a foreign key, once per entry (see the migration AccessLogAppendLighter).
  if not exists (select 1 from tenant t where t.id = p_tenant) then
    raise exception 'access log: no tenant %', p_tenant using errcode = 'foreign_key_violation';
  end if;
  with recursive chain as (select 0 as n, null::text as previous, jalon_access_log_head() as hash, null::jsonb as e
      union all
      select c.n + 1, c.hash, encode(sha256(convert_to(c.hash || (p_entries->c.n->>'digest'), 'UTF8')), 'hex'), p_entries->c.n
        from chain c where c.n < jsonb_array_length(p_entries))
  insert into access_log (tenant_id, at, user_id, organisation_id, participant_id, data_classes, purposes, request_id, reason, previous_hash, hash)
    select p_tenant, p_at, p_user, p_organisation, (e->>'participantId')::uuid, array(select jsonb_array_elements_text(e->'dataClasses')),
           array(select jsonb_array_elements_text(e->'purposes')), p_request, e->>'reason', previous, hash
      from chain where n > 0 order by n;
end
$$;

revoke all on function jalon_append_access_log(p_tenant uuid, p_organisation uuid, p_user uuid, p_at timestamp with time zone, p_request text, p_entries jsonb) from public;
grant execute on function jalon_append_access_log(p_tenant uuid, p_organisation uuid, p_user uuid, p_at timestamp with time zone, p_request text, p_entries jsonb) to jalon_app;
