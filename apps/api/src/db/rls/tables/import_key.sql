alter table import_key enable row level security;
alter table import_key force row level security;

create policy import_key_staff on import_key for all
  using (
    (tenant_id = jalon_tenant_id())
    and jalon_is_staff()
  )
  with check (
    (tenant_id = jalon_tenant_id())
    and jalon_is_staff()
  );
