alter table meeting_document enable row level security;
alter table meeting_document force row level security;

create policy meeting_document_partner_read on meeting_document for select
  using (
    (tenant_id = jalon_tenant_id())
    and (NOT jalon_is_staff())
    and (meeting_id = ANY (( SELECT jalon_partner_meetings() AS jalon_partner_meetings)::uuid[]))
    and ((item_id IS NULL) OR (item_id IN ( SELECT a.id FROM agenda_item a)))
  );

create policy meeting_document_staff on meeting_document for all
  using (
    (tenant_id = jalon_tenant_id())
    and jalon_is_staff()
  )
  with check (
    (tenant_id = jalon_tenant_id())
    and jalon_is_staff()
  );
