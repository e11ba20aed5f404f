alter table invitation enable row level security;
alter table invitation force row level security;

create policy invitation_insert on invitation for insert
  with check (
    (tenant_id = jalon_tenant_id())
    and (jalon_is_staff() OR (organisation_id = jalon_organisation_id()))
  );

create policy invitation_read on invitation for select
  using (((tenant_id = jalon_tenant_id()) AND (jalon_is_staff() OR (organisation_id = jalon_organisation_id()))) OR (token_hash = jalon_invitation_token()));

create policy invitation_update on invitation for update
  using (((tenant_id = jalon_tenant_id()) AND (jalon_is_staff() OR (organisation_id = jalon_organisation_id()))) OR (token_hash = jalon_invitation_token()));
