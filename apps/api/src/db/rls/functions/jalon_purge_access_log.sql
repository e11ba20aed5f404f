-- Deletes the tenant's access-log entries older than p_before, as a prefix of the chain: under the
-- chain's lock (as jalon_access_log_head), the hash of the last entry deleted becomes the tenant's
-- anchor, the value the verification starts from (access/access-log.ts), so the chain stays
-- verifiable. Only for the retention job (jalon_reads_archives() with jalon.retention_job).
-- Returns the number deleted and the anchored entry's number.
create or replace function jalon_purge_access_log(p_before timestamp with time zone)
 RETURNS TABLE(deleted integer, anchor_seq bigint)
 LANGUAGE plpgsql
 SECURITY DEFINER
 SET search_path TO 'public'
AS $$
declare
  last_seq bigint;
  last_hash text;
  last_at timestamp with time zone;
  removed integer;
begin
  if coalesce(current_setting('jalon.retention_job', true), '') <> 'true' or not jalon_reads_archives() then
    raise exception 'access log purge outside the retention job' using errcode = '42501';
  end if;
  perform pg_advisory_xact_lock(hashtextextended('access_log:' || jalon_tenant_id()::text, 0));
  select l.seq, l.hash, l.at into last_seq, last_hash, last_at from access_log l
   where l.tenant_id = jalon_tenant_id() and l.seq <= (select max(o.seq) from access_log o where o.tenant_id = jalon_tenant_id() and o.at < p_before)
   order by l.seq desc limit 1;
  if last_seq is null then
    return query select 0, null::bigint;
    return;
  end if;
  insert into access_log_anchor (tenant_id, seq, hash, at) values (jalon_tenant_id(), last_seq, last_hash, last_at)
    on conflict (tenant_id) do update set seq = excluded.seq, hash = excluded.hash, at = excluded.at;
  delete from access_log l where l.tenant_id = jalon_tenant_id() and l.seq <= last_seq;
  get diagnostics removed = row_count;
  return query select removed, last_seq;
end
$$;

revoke all on function jalon_purge_access_log(p_before timestamp with time zone) from public;
grant execute on function jalon_purge_access_log(p_before timestamp with time zone) to jalon_app;
