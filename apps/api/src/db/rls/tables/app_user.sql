alter table app_user enable row level security;
alter table app_user force row level security;

create policy app_user_insert on app_user for insert
  with check (email = jalon_auth_email());

create policy app_user_read on app_user for select
  using ((id = jalon_user_id()) OR (email = jalon_auth_email()) OR (EXISTS ( SELECT 1 FROM membership m WHERE ((m.user_id = app_user.id) AND (m.tenant_id = jalon_tenant_id())))));

create policy app_user_update on app_user for update
  using ((id = jalon_user_id()) OR (email = jalon_auth_email()));
