alter table assisted_contract_renewal enable row level security;
alter table assisted_contract_renewal force row level security;

create policy assisted_contract_renewal_partner_create on assisted_contract_renewal for insert
  with check (
    (tenant_id = jalon_tenant_id())
    and (NOT jalon_is_staff())
    and (organisation_id = jalon_organisation_id())
    and (recorded_by_id = jalon_user_id())
    and (contract_id = ANY (( SELECT jalon_partner_reportable_contracts() AS jalon_partner_reportable_contracts)::uuid[]))
  );

create policy assisted_contract_renewal_partner_read on assisted_contract_renewal for select
  using (
    (tenant_id = jalon_tenant_id())
    and (NOT jalon_is_staff())
    and (contract_id IN ( SELECT c.id FROM assisted_contract c))
  );

create policy assisted_contract_renewal_staff on assisted_contract_renewal for all
  using (
    (tenant_id = jalon_tenant_id())
    and jalon_is_staff()
  )
  with check (
    (tenant_id = jalon_tenant_id())
    and jalon_is_staff()
  );
