alter table office_hours_closure enable row level security;
alter table office_hours_closure force row level security;

create policy office_hours_closure_commune_read on office_hours_closure for select
  using (
    (tenant_id = jalon_tenant_id())
    and (NOT jalon_is_staff())
    and (office_hours_id IN ( SELECT h.id FROM office_hours h WHERE (h.commune_code = jalon_commune_of_partner())))
  );

create policy office_hours_closure_staff on office_hours_closure for all
  using (
    (tenant_id = jalon_tenant_id())
    and jalon_is_staff()
  )
  with check (
    (tenant_id = jalon_tenant_id())
    and jalon_is_staff()
  );
