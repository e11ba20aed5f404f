alter table retention_policy enable row level security;
alter table retention_policy force row level security;

create policy retention_policy_read on retention_policy for select
  using (
    (tenant_id = jalon_tenant_id())
    and jalon_is_staff()
  );

create policy retention_policy_insert on retention_policy for insert
  with check (
    (tenant_id = jalon_tenant_id())
    and jalon_is_staff()
    and (jalon_actor_role() = 'TENANT_ADMIN'::membership_role)
  );

create policy retention_policy_update on retention_policy for update
  using (
    (tenant_id = jalon_tenant_id())
    and jalon_is_staff()
    and (jalon_actor_role() = 'TENANT_ADMIN'::membership_role)
  )
  with check (
    (tenant_id = jalon_tenant_id())
    and jalon_is_staff()
    and (jalon_actor_role() = 'TENANT_ADMIN'::membership_role)
  );
