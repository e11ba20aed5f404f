alter table follow_up_check_in enable row level security;
alter table follow_up_check_in force row level security;

create policy follow_up_check_in_partner_read on follow_up_check_in for select
  using (
    (tenant_id = jalon_tenant_id())
    and (NOT jalon_is_staff())
    and (pathway_id = ANY (( SELECT jalon_partner_pathways('EXIT_FOLLOW_UP'::text) AS jalon_partner_pathways)::uuid[]))
  );

create policy follow_up_check_in_staff on follow_up_check_in for all
  using (
    (tenant_id = jalon_tenant_id())
    and jalon_is_staff()
  )
  with check (
    (tenant_id = jalon_tenant_id())
    and jalon_is_staff()
  );
