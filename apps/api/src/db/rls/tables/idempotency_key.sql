alter table idempotency_key enable row level security;
alter table idempotency_key force row level security;

-- A key is its sender's: nobody else reads what it was used for.
create policy idempotency_key_access on idempotency_key for all
  using (
    (tenant_id = jalon_tenant_id())
    and (user_id = jalon_user_id())
  )
  with check (
    (tenant_id = jalon_tenant_id())
    and (user_id = jalon_user_id())
  );
