alter table esf_operation enable row level security;
alter table esf_operation force row level security;

create policy esf_operation_staff on esf_operation for all
  using (
    (tenant_id = jalon_tenant_id())
    and jalon_is_staff()
  )
  with check (
    (tenant_id = jalon_tenant_id())
    and jalon_is_staff()
  );
