create or replace function jalon_meeting_agenda(p_meeting uuid)
 RETURNS TABLE(id uuid, "position" integer)
 LANGUAGE plpgsql
 STABLE SECURITY DEFINER
 SET search_path TO 'public'
AS $$
begin
  return query select a.id, a.position from agenda_item a
   where a.meeting_id = p_meeting and a.tenant_id = jalon_tenant_id() and (jalon_is_staff() or p_meeting = any((select jalon_partner_meetings())::uuid[]));
end
$$;

revoke all on function jalon_meeting_agenda(p_meeting uuid) from public;
grant execute on function jalon_meeting_agenda(p_meeting uuid) to jalon_app;
