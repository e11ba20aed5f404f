alter table commitment_contract enable row level security;
alter table commitment_contract force row level security;

create policy commitment_contract_staff on commitment_contract for all
  using (
    (tenant_id = jalon_tenant_id())
    and jalon_is_staff()
  )
  with check (
    (tenant_id = jalon_tenant_id())
    and jalon_is_staff()
  );
