alter table invitation enable row level security;
alter table invitation force row level security;

-- Those who manage access (capability manageUsers) invite and revoke: the PLIE's administrator in
-- the tenant, a partner's administrator in her organisation and to a partner role only. An agent
-- cannot invite herself (or anyone) into a role she does not hold.
create policy invitation_insert on invitation for insert
  with check (
    (tenant_id = jalon_tenant_id())
    AND ((jalon_actor_role() = 'TENANT_ADMIN'::membership_role)
      OR ((jalon_actor_role() = 'PARTNER_ADMIN'::membership_role) AND (organisation_id = jalon_organisation_id()) AND (role = ANY (ARRAY['PARTNER_AGENT'::membership_role, 'PARTNER_ADMIN'::membership_role]))))
  );

create policy invitation_read on invitation for select
  using (((tenant_id = jalon_tenant_id()) AND (jalon_is_staff() OR (organisation_id = jalon_organisation_id()))) OR (token_hash = jalon_invitation_token()));

-- Revoked by those who manage access, accepted by whoever holds the link's token.
create policy invitation_update on invitation for update
  using (((tenant_id = jalon_tenant_id()) AND ((jalon_actor_role() = 'TENANT_ADMIN'::membership_role) OR ((jalon_actor_role() = 'PARTNER_ADMIN'::membership_role) AND (organisation_id = jalon_organisation_id())))) OR (token_hash = jalon_invitation_token()));
