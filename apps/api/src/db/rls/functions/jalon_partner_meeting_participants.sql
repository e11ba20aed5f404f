create or replace function jalon_partner_meeting_participants()
 RETURNS uuid[]
 LANGUAGE plpgsql
 STABLE SECURITY DEFINER
 SET search_path TO 'public'
AS $$
begin
  return (select coalesce(array_agg(distinct g.participant_id), '{}') from jalon_partner_grants() g
   where g.purpose = 'COORDINATION_MEETINGS' and 'PATHWAY_STATUS' = any(g.data_classes));
end
$$;

revoke all on function jalon_partner_meeting_participants() from public;
grant execute on function jalon_partner_meeting_participants() to jalon_app;
