alter table consent_version enable row level security;
alter table consent_version force row level security;

create policy consent_version_read on consent_version for select
  using (tenant_id = jalon_tenant_id());
