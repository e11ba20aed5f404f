alter table referral_submission enable row level security;
alter table referral_submission force row level security;

create policy referral_submission_partner_create on referral_submission for insert
  with check (
    (tenant_id = jalon_tenant_id())
    and (NOT jalon_is_staff())
    and (organisation_id = jalon_organisation_id())
    and (author_id = jalon_user_id())
  );

create policy referral_submission_partner_read on referral_submission for select
  using (
    (tenant_id = jalon_tenant_id())
    and (NOT jalon_is_staff())
    and (organisation_id = jalon_organisation_id())
  );

create policy referral_submission_staff on referral_submission for all
  using (
    (tenant_id = jalon_tenant_id())
    and jalon_is_staff()
  )
  with check (
    (tenant_id = jalon_tenant_id())
    and jalon_is_staff()
  );
