alter table import_file enable row level security;
alter table import_file force row level security;

create policy import_file_staff on import_file for all
  using (
    (tenant_id = jalon_tenant_id())
    and jalon_is_staff()
  )
  with check (
    (tenant_id = jalon_tenant_id())
    and jalon_is_staff()
  );
