alter table stage enable row level security;
alter table stage force row level security;

create policy stage_operator_accepts on stage for insert
  with check (
    (tenant_id = jalon_tenant_id())
    and (NOT jalon_is_staff())
    and (operator_id = jalon_organisation_id())
    and (pathway_id IN ( SELECT positioning.pathway_id
   FROM positioning))
  );

create policy stage_operator_accepted on stage for select
  using (
    (tenant_id = jalon_tenant_id())
    and (NOT jalon_is_staff())
    and (operator_id = jalon_organisation_id())
    and (EXISTS ( SELECT 1
           FROM ((positioning p
             JOIN programme_session s ON ((s.id = p.session_id)))
             JOIN programme_action a ON ((a.id = s.action_id)))
          WHERE ((p.pathway_id = stage.pathway_id) AND ((p.stage_id = stage.id) OR ((p.stage_id IS NULL) AND (a.kind_id = stage.kind_id) AND (s.starts_on = stage.planned_start) AND (s.ends_on = stage.planned_end))))))
  );

create policy stage_partner_read on stage for select
  using (
    (tenant_id = jalon_tenant_id())
    and (NOT jalon_is_staff())
    and ((( SELECT jalon_partner_stage_pathways() AS jalon_partner_stage_pathways) ? (pathway_id)::text) OR (( SELECT jalon_partner_stages() AS jalon_partner_stages) ? (id)::text))
  );

create policy stage_staff on stage for all
  using (
    (tenant_id = jalon_tenant_id())
    and jalon_is_staff()
  )
  with check (
    (tenant_id = jalon_tenant_id())
    and jalon_is_staff()
  );
