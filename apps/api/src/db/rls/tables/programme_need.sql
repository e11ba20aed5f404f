alter table programme_need enable row level security;
alter table programme_need force row level security;

create policy programme_need_staff on programme_need for all
  using (
    (tenant_id = jalon_tenant_id())
    and jalon_is_staff()
  )
  with check (
    (tenant_id = jalon_tenant_id())
    and jalon_is_staff()
  );
