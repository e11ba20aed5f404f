alter table participant enable row level security;
alter table participant force row level security;

create policy participant_partner_read on participant for select
  using (
    (tenant_id = jalon_tenant_id())
    and (NOT jalon_is_staff())
    and (archived_on IS NULL)
    and (id = ANY (( SELECT jalon_partner_participants(NULL::text) AS jalon_partner_participants)::uuid[]))
  );

create policy participant_staff on participant for all
  using (
    (tenant_id = jalon_tenant_id())
    and jalon_is_staff()
    and ((archived_on IS NULL) OR ( SELECT jalon_reads_archives() AS jalon_reads_archives))
  )
  with check (
    (tenant_id = jalon_tenant_id())
    and jalon_is_staff()
    and ((archived_on IS NULL) OR ( SELECT jalon_reads_archives() AS jalon_reads_archives))
  );
