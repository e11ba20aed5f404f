alter table consent enable row level security;
alter table consent force row level security;

create policy consent_grantee_read on consent for select
  using (
    (tenant_id = jalon_tenant_id())
    and (EXISTS ( SELECT 1 FROM organisation o WHERE ((o.id = jalon_organisation_id()) AND ((consent.grantee_organisation_id = o.id) OR (consent.grantee_kind = o.kind)))))
  );

create policy consent_staff on consent for all
  using (
    (tenant_id = jalon_tenant_id())
    and jalon_is_staff()
  )
  with check (
    (tenant_id = jalon_tenant_id())
    and jalon_is_staff()
  );
