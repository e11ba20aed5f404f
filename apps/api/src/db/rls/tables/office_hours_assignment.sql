alter table office_hours_assignment enable row level security;
alter table office_hours_assignment force row level security;

create policy office_hours_assignment_staff on office_hours_assignment for all
  using (
    (tenant_id = jalon_tenant_id())
    and jalon_is_staff()
  )
  with check (
    (tenant_id = jalon_tenant_id())
    and jalon_is_staff()
  );
