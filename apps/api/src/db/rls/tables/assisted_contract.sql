alter table assisted_contract enable row level security;
alter table assisted_contract force row level security;

create policy assisted_contract_partner_read on assisted_contract for select
  using (
    (tenant_id = jalon_tenant_id())
    and (NOT jalon_is_staff())
    and (stage_id = ANY (( SELECT jalon_partner_stages_sharing('STAGE_DETAILS'::text) AS jalon_partner_stages_sharing)::uuid[]))
  );

create policy assisted_contract_partner_update on assisted_contract for update
  using (
    (tenant_id = jalon_tenant_id())
    and (NOT jalon_is_staff())
    and (id = ANY (( SELECT jalon_partner_reportable_contracts() AS jalon_partner_reportable_contracts)::uuid[]))
  );

create policy assisted_contract_staff on assisted_contract for all
  using (
    (tenant_id = jalon_tenant_id())
    and jalon_is_staff()
  )
  with check (
    (tenant_id = jalon_tenant_id())
    and jalon_is_staff()
  );
