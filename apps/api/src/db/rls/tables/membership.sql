alter table membership enable row level security;
alter table membership force row level security;

-- One's own memberships (the tenant switcher); in the tenant, staff read every membership, a partner
-- those of its organisation, of the staff organisations and of the people invited to its meetings.
-- A partner reads the names of these people through jalon_user_names(), not their accounts.
-- Accepting an invitation reads the membership it offers.
create policy membership_read on membership for select
  using (
    (user_id = jalon_user_id())
    OR ((tenant_id = jalon_tenant_id()) AND (
      jalon_is_staff()
      OR (organisation_id = jalon_organisation_id())
      OR (organisation_id = ANY (( SELECT jalon_staff_organisations() AS jalon_staff_organisations)::uuid[]))
      OR (user_id IN ( SELECT i.user_id FROM meeting_invitee i))
    ))
    OR (EXISTS ( SELECT 1 FROM jalon_invitation_offer() o(tenant_id, organisation_id, user_id, role) WHERE ((o.tenant_id = membership.tenant_id) AND (o.organisation_id = membership.organisation_id) AND (o.user_id = membership.user_id))))
  );

-- Access is changed as the API allows it (capability manageUsers): the PLIE's administrator changes
-- the tenant's memberships; a partner's administrator switches her organisation's members' access
-- on and off, their role as it was; accepting an invitation writes the membership it offers, to
-- the person it names, with its role. An agent writes none, and no one deletes one.
create policy membership_insert on membership for insert
  with check (
    (tenant_id = jalon_tenant_id())
    AND ((jalon_actor_role() = 'TENANT_ADMIN'::membership_role) OR (EXISTS ( SELECT 1 FROM jalon_invitation_offer() o(tenant_id, organisation_id, user_id, role) WHERE ((o.tenant_id = membership.tenant_id) AND (o.organisation_id = membership.organisation_id) AND (o.user_id = membership.user_id) AND (o.role = membership.role)))))
  );

create policy membership_update on membership for update
  using (
    (tenant_id = jalon_tenant_id())
    AND ((jalon_actor_role() = 'TENANT_ADMIN'::membership_role)
      OR ((jalon_actor_role() = 'PARTNER_ADMIN'::membership_role) AND (organisation_id = jalon_organisation_id()))
      OR (EXISTS ( SELECT 1 FROM jalon_invitation_offer() o(tenant_id, organisation_id, user_id, role) WHERE ((o.tenant_id = membership.tenant_id) AND (o.organisation_id = membership.organisation_id) AND (o.user_id = membership.user_id)))))
  )
  with check (
    (tenant_id = jalon_tenant_id())
    AND ((jalon_actor_role() = 'TENANT_ADMIN'::membership_role)
      OR ((jalon_actor_role() = 'PARTNER_ADMIN'::membership_role) AND (organisation_id = jalon_organisation_id()) AND (role = jalon_membership_role(id)))
      OR (EXISTS ( SELECT 1 FROM jalon_invitation_offer() o(tenant_id, organisation_id, user_id, role) WHERE ((o.tenant_id = membership.tenant_id) AND (o.organisation_id = membership.organisation_id) AND (o.user_id = membership.user_id) AND (o.role = membership.role)))))
  );
