alter table agenda_item enable row level security;
alter table agenda_item force row level security;

create policy agenda_item_partner_read on agenda_item for select
  using (
    (tenant_id = jalon_tenant_id())
    and (NOT jalon_is_staff())
    and (meeting_id = ANY (( SELECT jalon_partner_meetings() AS jalon_partner_meetings)::uuid[]))
    and (((participant_id IS NULL) AND (referral_id IS NULL)) OR (participant_id = ANY (( SELECT jalon_partner_meeting_participants() AS jalon_partner_meeting_participants)::uuid[])) OR (EXISTS ( SELECT 1 FROM referral_submission s WHERE ((s.referral_id = agenda_item.referral_id) AND (s.created_at <= agenda_item.created_at)))))
  );

create policy agenda_item_staff on agenda_item for all
  using (
    (tenant_id = jalon_tenant_id())
    and jalon_is_staff()
  )
  with check (
    (tenant_id = jalon_tenant_id())
    and jalon_is_staff()
  );
