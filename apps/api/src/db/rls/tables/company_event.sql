alter table company_event enable row level security;
alter table company_event force row level security;

create policy company_event_staff on company_event for all
  using (
    (tenant_id = jalon_tenant_id())
    and jalon_is_staff()
  )
  with check (
    (tenant_id = jalon_tenant_id())
    and jalon_is_staff()
  );
