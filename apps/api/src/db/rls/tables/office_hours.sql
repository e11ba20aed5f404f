alter table office_hours enable row level security;
alter table office_hours force row level security;

create policy office_hours_commune_read on office_hours for select
  using (
    (tenant_id = jalon_tenant_id())
    and (NOT jalon_is_staff())
    and (commune_code = jalon_commune_of_partner())
  );

create policy office_hours_staff on office_hours for all
  using (
    (tenant_id = jalon_tenant_id())
    and jalon_is_staff()
  )
  with check (
    (tenant_id = jalon_tenant_id())
    and jalon_is_staff()
  );
