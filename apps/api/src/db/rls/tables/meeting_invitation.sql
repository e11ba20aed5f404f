alter table meeting_invitation enable row level security;
alter table meeting_invitation force row level security;

create policy meeting_invitation_partner_read on meeting_invitation for select
  using (
    (tenant_id = jalon_tenant_id())
    and (NOT jalon_is_staff())
    and (meeting_id = ANY (( SELECT jalon_partner_meetings() AS jalon_partner_meetings)::uuid[]))
  );

create policy meeting_invitation_staff on meeting_invitation for all
  using (
    (tenant_id = jalon_tenant_id())
    and jalon_is_staff()
  )
  with check (
    (tenant_id = jalon_tenant_id())
    and jalon_is_staff()
  );
