alter table consent_evidence enable row level security;
alter table consent_evidence force row level security;

create policy consent_evidence_staff on consent_evidence for all
  using (
    (tenant_id = jalon_tenant_id())
    and jalon_is_staff()
  )
  with check (
    (tenant_id = jalon_tenant_id())
    and jalon_is_staff()
  );
