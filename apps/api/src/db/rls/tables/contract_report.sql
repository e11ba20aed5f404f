alter table contract_report enable row level security;
alter table contract_report force row level security;

create policy contract_report_partner_create on contract_report for insert
  with check (
    (tenant_id = jalon_tenant_id())
    and (NOT jalon_is_staff())
    and (author_organisation_id = jalon_organisation_id())
    and (author_id = jalon_user_id())
    and (contract_id = ANY (( SELECT jalon_partner_reportable_contracts() AS jalon_partner_reportable_contracts)::uuid[]))
  );

create policy contract_report_partner_read on contract_report for select
  using (
    (tenant_id = jalon_tenant_id())
    and (NOT jalon_is_staff())
    and ((author_organisation_id = jalon_organisation_id()) OR (contract_id = ANY (( SELECT jalon_partner_class_contracts('CONTRACT_REPORTS'::text) AS jalon_partner_class_contracts)::uuid[])))
  );

create policy contract_report_staff on contract_report for all
  using (
    (tenant_id = jalon_tenant_id())
    and jalon_is_staff()
  )
  with check (
    (tenant_id = jalon_tenant_id())
    and jalon_is_staff()
  );
