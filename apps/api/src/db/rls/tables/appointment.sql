alter table appointment enable row level security;
alter table appointment force row level security;

create policy appointment_partner_book on appointment for insert
  with check (
    (tenant_id = jalon_tenant_id())
    and (NOT jalon_is_staff())
    and (booked_by_organisation_id = jalon_organisation_id())
    and (referral_id = ANY (( SELECT jalon_partner_referrals() AS jalon_partner_referrals)::uuid[]))
    and (office_hours_id IN ( SELECT h.id FROM office_hours h WHERE (h.commune_code = jalon_commune_of_partner())))
  );

create policy appointment_partner_booked_read on appointment for select
  using (
    (tenant_id = jalon_tenant_id())
    and (NOT jalon_is_staff())
    and (booked_by_organisation_id = jalon_organisation_id())
  );

create policy appointment_partner_read on appointment for select
  using (
    (tenant_id = jalon_tenant_id())
    and (NOT jalon_is_staff())
    and (id = ANY (( SELECT jalon_partner_appointments() AS jalon_partner_appointments)::uuid[]))
  );

create policy appointment_staff on appointment for all
  using (
    (tenant_id = jalon_tenant_id())
    and jalon_is_staff()
  )
  with check (
    (tenant_id = jalon_tenant_id())
    and jalon_is_staff()
  );
