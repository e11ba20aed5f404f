alter table idempotency_key enable row level security;
alter table idempotency_key force row level security;

create policy idempotency_key_access on idempotency_key for all
  using (tenant_id = jalon_tenant_id())
  with check (tenant_id = jalon_tenant_id());
