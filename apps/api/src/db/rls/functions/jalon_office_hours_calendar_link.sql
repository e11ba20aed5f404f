create or replace function jalon_office_hours_calendar_link(p_token_hash text)
 RETURNS TABLE(tenant_id uuid, organisation_id uuid)
 LANGUAGE sql
 STABLE SECURITY DEFINER
 SET search_path TO 'public'
AS $$
select l.tenant_id, l.organisation_id from office_hours_calendar_link l
 where l.token_hash = p_token_hash and l.revoked_at is null
$$;

revoke all on function jalon_office_hours_calendar_link(p_token_hash text) from public;
grant execute on function jalon_office_hours_calendar_link(p_token_hash text) to jalon_app;
