alter table training_result enable row level security;
alter table training_result force row level security;

create policy training_result_partner_read on training_result for select
  using (
    (tenant_id = jalon_tenant_id())
    and (NOT jalon_is_staff())
    and ((author_organisation_id = jalon_organisation_id()) OR (stage_id = ANY (( SELECT jalon_partner_class_stages('TRAINING_REPORTS'::text) AS jalon_partner_class_stages)::uuid[])))
  );

create policy training_result_partner_update on training_result for update
  using (
    (tenant_id = jalon_tenant_id())
    and (NOT jalon_is_staff())
    and (stage_id = ANY (( SELECT jalon_partner_operated_stages('TRAINING_REPORTS'::text) AS jalon_partner_operated_stages)::uuid[]))
  )
  with check (
    (author_organisation_id = jalon_organisation_id())
    and (author_id = jalon_user_id())
  );

create policy training_result_partner_write on training_result for insert
  with check (
    (tenant_id = jalon_tenant_id())
    and (NOT jalon_is_staff())
    and (author_organisation_id = jalon_organisation_id())
    and (author_id = jalon_user_id())
    and (stage_id = ANY (( SELECT jalon_partner_operated_stages('TRAINING_REPORTS'::text) AS jalon_partner_operated_stages)::uuid[]))
  );

create policy training_result_staff on training_result for all
  using (
    (tenant_id = jalon_tenant_id())
    and jalon_is_staff()
  )
  with check (
    (tenant_id = jalon_tenant_id())
    and jalon_is_staff()
  );
