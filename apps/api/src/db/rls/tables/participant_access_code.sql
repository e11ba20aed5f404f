alter table participant_access_code enable row level security;
alter table participant_access_code force row level security;

create policy participant_access_code_staff on participant_access_code for all
  using (
    (tenant_id = jalon_tenant_id())
    and jalon_is_staff()
  )
  with check (
    (tenant_id = jalon_tenant_id())
    and jalon_is_staff()
  );
