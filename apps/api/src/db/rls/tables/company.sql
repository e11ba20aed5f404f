alter table company enable row level security;
alter table company force row level security;

create policy company_staff on company for all
  using (
    (tenant_id = jalon_tenant_id())
    and jalon_is_staff()
  )
  with check (
    (tenant_id = jalon_tenant_id())
    and jalon_is_staff()
  );
