-- The people whose pathway status the partner may see on its meetings' agendas (a grant of
-- PATHWAY_STATUS for COORDINATION_MEETINGS), read from the partner's reach, computed once per
-- transaction (jalon_partner_reach()). Invoker rights, so that its stash outlives the call.
create or replace function jalon_partner_meeting_participants()
 RETURNS uuid[]
 LANGUAGE plpgsql
 STABLE
AS $$
begin
  return split_part(public.jalon_partner_reach(), '|', 3)::uuid[];
end
$$;

revoke all on function jalon_partner_meeting_participants() from public;
grant execute on function jalon_partner_meeting_participants() to jalon_app;
