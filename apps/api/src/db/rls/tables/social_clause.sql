alter table social_clause enable row level security;
alter table social_clause force row level security;

create policy social_clause_staff on social_clause for all
  using (
    (tenant_id = jalon_tenant_id())
    and jalon_is_staff()
  )
  with check (
    (tenant_id = jalon_tenant_id())
    and jalon_is_staff()
  );
