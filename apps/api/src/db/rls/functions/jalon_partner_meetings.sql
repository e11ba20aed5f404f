create or replace function jalon_partner_meetings()
 RETURNS uuid[]
 LANGUAGE plpgsql
 STABLE SECURITY DEFINER
 SET search_path TO 'public'
AS $$
begin
  return (select coalesce(array_agg(i.meeting_id), '{}') from meeting_invitation i
    where i.tenant_id = jalon_tenant_id() and i.organisation_id = jalon_organisation_id() and not jalon_is_staff());
end
$$;

revoke all on function jalon_partner_meetings() from public;
grant execute on function jalon_partner_meetings() to jalon_app;
