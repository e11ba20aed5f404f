alter table office_hours_calendar_link enable row level security;
alter table office_hours_calendar_link force row level security;

create policy office_hours_calendar_link_own on office_hours_calendar_link for all
  using (
    (tenant_id = jalon_tenant_id())
    and (NOT jalon_is_staff())
    and (organisation_id = jalon_organisation_id())
  )
  with check (
    (tenant_id = jalon_tenant_id())
    and (NOT jalon_is_staff())
    and (organisation_id = jalon_organisation_id())
  );
