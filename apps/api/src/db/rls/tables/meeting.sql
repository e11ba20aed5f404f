alter table meeting enable row level security;
alter table meeting force row level security;

create policy meeting_partner_read on meeting for select
  using (
    (tenant_id = jalon_tenant_id())
    and (NOT jalon_is_staff())
    and (id = ANY (( SELECT jalon_partner_meetings() AS jalon_partner_meetings)::uuid[]))
  );

create policy meeting_staff on meeting for all
  using (
    (tenant_id = jalon_tenant_id())
    and jalon_is_staff()
  )
  with check (
    (tenant_id = jalon_tenant_id())
    and jalon_is_staff()
  );
