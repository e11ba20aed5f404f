alter table priority_district enable row level security;
alter table priority_district force row level security;

create policy priority_district_read on priority_district for select
  using (tenant_id = jalon_tenant_id());

create policy priority_district_write on priority_district for all
  using (
    (tenant_id = jalon_tenant_id())
    and jalon_is_staff()
  )
  with check (
    (tenant_id = jalon_tenant_id())
    and jalon_is_staff()
  );
