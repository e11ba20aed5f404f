alter table meeting_invitee enable row level security;
alter table meeting_invitee force row level security;

create policy meeting_invitee_partner_read on meeting_invitee for select
  using (
    (tenant_id = jalon_tenant_id())
    and (NOT jalon_is_staff())
    and (meeting_id = ANY (( SELECT jalon_partner_meetings() AS jalon_partner_meetings)::uuid[]))
  );

create policy meeting_invitee_staff on meeting_invitee for all
  using (
    (tenant_id = jalon_tenant_id())
    and jalon_is_staff()
  )
  with check (
    (tenant_id = jalon_tenant_id())
    and jalon_is_staff()
  );
