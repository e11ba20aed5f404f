-- The head is the tenant's last entry, found by its index (tenant_id, seq) whatever the statistics
-- say: a log that grew since it was last analysed (a new PLIE's first hour) would otherwise be read
-- whole under the tenant's lock, the plan kept for the connection's life (enable_seqscan off).
create or replace function jalon_access_log_head()
 RETURNS text
 LANGUAGE plpgsql
 SECURITY DEFINER
 SET search_path TO 'public'
 SET enable_seqscan TO 'off'
AS $$
begin
  perform pg_advisory_xact_lock(hashtextextended('access_log:' || jalon_tenant_id()::text, 0));
  -- Once every entry is deleted (their retention over), the chain goes on from its anchor.
  return coalesce((select hash from access_log where tenant_id = jalon_tenant_id() order by seq desc limit 1),
                  (select hash from access_log_anchor where tenant_id = jalon_tenant_id()), '');
end
$$;

revoke all on function jalon_access_log_head() from public;
grant execute on function jalon_access_log_head() to jalon_app;
