alter table job_offer enable row level security;
alter table job_offer force row level security;

create policy job_offer_partner on job_offer for all
  using (
    (tenant_id = jalon_tenant_id())
    and (NOT jalon_is_staff())
    and (company_id = ( SELECT jalon_partner_company() AS jalon_partner_company))
  )
  with check (
    (tenant_id = jalon_tenant_id())
    and (NOT jalon_is_staff())
    and (company_id = ( SELECT jalon_partner_company() AS jalon_partner_company))
  );

create policy job_offer_staff on job_offer for all
  using (
    (tenant_id = jalon_tenant_id())
    and jalon_is_staff()
  )
  with check (
    (tenant_id = jalon_tenant_id())
    and jalon_is_staff()
  );
