alter table tenant enable row level security;
alter table tenant force row level security;

create policy tenant_read on tenant for select
  using ((id = jalon_tenant_id()) OR (EXISTS ( SELECT 1 FROM membership m WHERE ((m.tenant_id = tenant.id) AND (m.user_id = jalon_user_id()) AND m.active))));

create policy tenant_write on tenant for update
  using (id = jalon_tenant_id())
  with check (id = jalon_tenant_id());
