alter table notification enable row level security;
alter table notification force row level security;

create policy notification_insert on notification for insert
  with check (
    (tenant_id = jalon_tenant_id())
    and jalon_is_staff()
  );

create policy notification_mail_sent on notification for update
  using (
    (tenant_id = jalon_tenant_id())
    and jalon_is_staff()
  )
  with check (
    (tenant_id = jalon_tenant_id())
    and jalon_is_staff()
  );

create policy notification_mark_read on notification for update
  using (
    (tenant_id = jalon_tenant_id())
    and (organisation_id = jalon_organisation_id())
  )
  with check (
    (tenant_id = jalon_tenant_id())
    and (organisation_id = jalon_organisation_id())
  );

create policy notification_recipient on notification for select
  using (
    (tenant_id = jalon_tenant_id())
    and (organisation_id = jalon_organisation_id())
    and ((participant_id IS NULL) OR (kind = ANY (ARRAY['CONSENT_REVOKED'::text, 'CONSENT_EXPIRED'::text])) OR (participant_id = ANY (( SELECT jalon_partner_participants(NULL::text) AS jalon_partner_participants)::uuid[])))
  );

create policy notification_staff_read on notification for select
  using (
    (tenant_id = jalon_tenant_id())
    and jalon_is_staff()
  );
