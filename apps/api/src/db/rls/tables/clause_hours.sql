alter table clause_hours enable row level security;
alter table clause_hours force row level security;

create policy clause_hours_staff on clause_hours for all
  using (
    (tenant_id = jalon_tenant_id())
    and jalon_is_staff()
  )
  with check (
    (tenant_id = jalon_tenant_id())
    and jalon_is_staff()
  );
