alter table commune_area enable row level security;
alter table commune_area force row level security;

create policy commune_area_read on commune_area for select
  using ((jalon_tenant_id() IS NOT NULL));
