alter table esf_export enable row level security;
alter table esf_export force row level security;

create policy esf_export_staff on esf_export for all
  using (
    (tenant_id = jalon_tenant_id())
    and jalon_is_staff()
  )
  with check (
    (tenant_id = jalon_tenant_id())
    and jalon_is_staff()
  );
