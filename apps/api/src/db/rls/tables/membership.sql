alter table membership enable row level security;
alter table membership force row level security;

create policy membership_read on membership for select
  using ((tenant_id = jalon_tenant_id()) OR (user_id = jalon_user_id()));

create policy membership_write on membership for all
  using (tenant_id = jalon_tenant_id())
  with check (tenant_id = jalon_tenant_id());
