-- PL/pgSQL with a kept, generic plan: as SQL, its query was planned on every call (db/rls/README.md).
create or replace function jalon_office_hours_calendar_link(p_token_hash text)
 RETURNS TABLE(tenant_id uuid, organisation_id uuid)
 LANGUAGE plpgsql
 STABLE SECURITY DEFINER
 SET search_path TO 'public'
 SET plan_cache_mode TO 'force_generic_plan'
AS $$
#variable_conflict use_column
begin
  return query
    select l.tenant_id, l.organisation_id from office_hours_calendar_link l
     where l.token_hash = p_token_hash and l.revoked_at is null;
end
$$;

revoke all on function jalon_office_hours_calendar_link(p_token_hash text) from public;
grant execute on function jalon_office_hours_calendar_link(p_token_hash text) to jalon_app;
