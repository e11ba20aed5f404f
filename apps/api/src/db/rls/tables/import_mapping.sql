alter table import_mapping enable row level security;
alter table import_mapping force row level security;

create policy import_mapping_staff on import_mapping for all
  using (
    (tenant_id = jalon_tenant_id())
    and jalon_is_staff()
  )
  with check (
    (tenant_id = jalon_tenant_id())
    and jalon_is_staff()
  );
