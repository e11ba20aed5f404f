alter table appointment_attendee enable row level security;
alter table appointment_attendee force row level security;

create policy appointment_attendee_partner_read on appointment_attendee for select
  using (
    (tenant_id = jalon_tenant_id())
    and (NOT jalon_is_staff())
    and (participant_id = ANY (( SELECT jalon_partner_participants('APPOINTMENTS'::text) AS jalon_partner_participants)::uuid[]))
  );

create policy appointment_attendee_staff on appointment_attendee for all
  using (
    (tenant_id = jalon_tenant_id())
    and jalon_is_staff()
  )
  with check (
    (tenant_id = jalon_tenant_id())
    and jalon_is_staff()
  );
