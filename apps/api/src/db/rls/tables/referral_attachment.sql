alter table referral_attachment enable row level security;
alter table referral_attachment force row level security;

create policy referral_attachment_partner on referral_attachment for all
  using (
    (tenant_id = jalon_tenant_id())
    and (NOT jalon_is_staff())
    and (organisation_id = jalon_organisation_id())
  )
  with check (
    (tenant_id = jalon_tenant_id())
    and (NOT jalon_is_staff())
    and (organisation_id = jalon_organisation_id())
    and (uploaded_by_id = jalon_user_id())
    and (referral_id = ANY (( SELECT jalon_partner_referrals() AS jalon_partner_referrals)::uuid[]))
  );

create policy referral_attachment_staff on referral_attachment for all
  using (
    (tenant_id = jalon_tenant_id())
    and jalon_is_staff()
  )
  with check (
    (tenant_id = jalon_tenant_id())
    and jalon_is_staff()
  );
