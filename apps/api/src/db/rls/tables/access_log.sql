alter table access_log enable row level security;
alter table access_log force row level security;

create policy access_log_insert on access_log for insert
  with check (
    (tenant_id = jalon_tenant_id())
    and (organisation_id = jalon_organisation_id())
    and (user_id = jalon_user_id())
  );

create policy access_log_read on access_log for select
  using (
    (tenant_id = jalon_tenant_id())
    and jalon_is_staff()
  );
