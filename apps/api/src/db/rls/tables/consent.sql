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

-- Every change to a tenant's consents is counted (jalon_consent_changed): the API keeps a partner's
-- consents while the count stays the same. Made with the files, after the function it calls.
create or replace trigger consent_version_count after insert or update or delete on consent for each row execute function jalon_consent_changed();
