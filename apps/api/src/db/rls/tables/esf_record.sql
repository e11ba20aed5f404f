alter table esf_record enable row level security;
alter table esf_record force row level security;

create policy esf_record_staff on esf_record for all
  using (
    (tenant_id = jalon_tenant_id())
    and jalon_is_staff()
  )
  with check (
    (tenant_id = jalon_tenant_id())
    and jalon_is_staff()
  );
