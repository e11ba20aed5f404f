alter table organisation enable row level security;
alter table organisation force row level security;

create policy organisation_read on organisation for select
  using ((tenant_id = jalon_tenant_id()) OR (EXISTS ( SELECT 1 FROM membership m WHERE ((m.organisation_id = organisation.id) AND (m.user_id = jalon_user_id()) AND m.active))));

create policy organisation_write on organisation for all
  using (tenant_id = jalon_tenant_id())
  with check (tenant_id = jalon_tenant_id());
