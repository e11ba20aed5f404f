alter table pathway enable row level security;
alter table pathway force row level security;

create policy pathway_partner_read on pathway for select
  using (
    (tenant_id = jalon_tenant_id())
    and (NOT jalon_is_staff())
    and (participant_id = ANY (( SELECT jalon_partner_participants(NULL::text) AS jalon_partner_participants)::uuid[]))
  );

create policy pathway_staff on pathway for all
  using (
    (tenant_id = jalon_tenant_id())
    and jalon_is_staff()
  )
  with check (
    (tenant_id = jalon_tenant_id())
    and jalon_is_staff()
  );
