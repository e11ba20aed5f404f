alter table stage enable row level security;
alter table stage force row level security;

create policy stage_partner_read on stage for select
  using (
    (tenant_id = jalon_tenant_id())
    and (NOT jalon_is_staff())
    and (id = ANY (( SELECT jalon_partner_stages() AS jalon_partner_stages)::uuid[]))
  );

create policy stage_staff on stage for all
  using (
    (tenant_id = jalon_tenant_id())
    and jalon_is_staff()
  )
  with check (
    (tenant_id = jalon_tenant_id())
    and jalon_is_staff()
  );
