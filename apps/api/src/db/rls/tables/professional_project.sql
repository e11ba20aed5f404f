alter table professional_project enable row level security;
alter table professional_project force row level security;

create policy professional_project_staff on professional_project for all
  using (
    (tenant_id = jalon_tenant_id())
    and jalon_is_staff()
  )
  with check (
    (tenant_id = jalon_tenant_id())
    and jalon_is_staff()
  );
