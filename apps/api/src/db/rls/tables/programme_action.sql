alter table programme_action enable row level security;
alter table programme_action force row level security;

create policy programme_action_operator on programme_action for select
  using (
    (tenant_id = jalon_tenant_id())
    and (NOT jalon_is_staff())
    and (operator_id = jalon_organisation_id())
  );

create policy programme_action_staff on programme_action for all
  using (
    (tenant_id = jalon_tenant_id())
    and jalon_is_staff()
  )
  with check (
    (tenant_id = jalon_tenant_id())
    and jalon_is_staff()
  );
