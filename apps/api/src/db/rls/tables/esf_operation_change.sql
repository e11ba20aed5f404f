alter table esf_operation_change enable row level security;
alter table esf_operation_change force row level security;

create policy esf_operation_change_staff on esf_operation_change for all
  using (
    (tenant_id = jalon_tenant_id())
    and jalon_is_staff()
  )
  with check (
    (tenant_id = jalon_tenant_id())
    and jalon_is_staff()
  );
