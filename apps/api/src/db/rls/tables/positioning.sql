alter table positioning enable row level security;
alter table positioning force row level security;

create policy positioning_operator on positioning for select
  using (
    (tenant_id = jalon_tenant_id())
    and (NOT jalon_is_staff())
    and (id = ANY (( SELECT jalon_partner_positionings() AS jalon_partner_positionings)::uuid[]))
  );

create policy positioning_operator_answer on positioning for update
  using (
    (tenant_id = jalon_tenant_id())
    and (NOT jalon_is_staff())
    and (id = ANY (( SELECT jalon_partner_positionings() AS jalon_partner_positionings)::uuid[]))
  )
  with check (
    (tenant_id = jalon_tenant_id())
    and (NOT jalon_is_staff())
    and (id = ANY (( SELECT jalon_partner_positionings() AS jalon_partner_positionings)::uuid[]))
  );

create policy positioning_staff on positioning for all
  using (
    (tenant_id = jalon_tenant_id())
    and jalon_is_staff()
  )
  with check (
    (tenant_id = jalon_tenant_id())
    and jalon_is_staff()
  );
