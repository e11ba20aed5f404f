alter table referral enable row level security;
alter table referral force row level security;

create policy referral_partner_create on referral for insert
  with check (
    (tenant_id = jalon_tenant_id())
    and (NOT jalon_is_staff())
    and (referring_organisation_id = jalon_organisation_id())
    and (status = 'NEW'::referral_status)
  );

create policy referral_partner_read on referral for select
  using (
    (tenant_id = jalon_tenant_id())
    and (NOT jalon_is_staff())
    and (referring_organisation_id = jalon_organisation_id())
  );

create policy referral_staff on referral for all
  using (
    (tenant_id = jalon_tenant_id())
    and jalon_is_staff()
  )
  with check (
    (tenant_id = jalon_tenant_id())
    and jalon_is_staff()
  );
