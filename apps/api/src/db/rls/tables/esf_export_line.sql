alter table esf_export_line enable row level security;
alter table esf_export_line force row level security;

create policy esf_export_line_staff on esf_export_line for all
  using (
    (tenant_id = jalon_tenant_id())
    and jalon_is_staff()
  )
  with check (
    (tenant_id = jalon_tenant_id())
    and jalon_is_staff()
  );
