alter table clause_placement enable row level security;
alter table clause_placement force row level security;

create policy clause_placement_staff on clause_placement for all
  using (
    (tenant_id = jalon_tenant_id())
    and jalon_is_staff()
  )
  with check (
    (tenant_id = jalon_tenant_id())
    and jalon_is_staff()
  );
