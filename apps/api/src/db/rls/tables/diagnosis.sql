alter table diagnosis enable row level security;
alter table diagnosis force row level security;

create policy diagnosis_partner_read on diagnosis for select
  using (
    (tenant_id = jalon_tenant_id())
    and (NOT jalon_is_staff())
    and (pathway_id = ANY (( SELECT jalon_partner_pathways('DIAGNOSIS'::text) AS jalon_partner_pathways)::uuid[]))
  );

create policy diagnosis_staff on diagnosis for all
  using (
    (tenant_id = jalon_tenant_id())
    and jalon_is_staff()
  )
  with check (
    (tenant_id = jalon_tenant_id())
    and jalon_is_staff()
  );
