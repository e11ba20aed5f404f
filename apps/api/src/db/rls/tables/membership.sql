alter table membership enable row level security;
alter table membership force row level security;

-- One's own memberships (the tenant switcher); in the tenant, staff read every membership, a partner
-- those of its organisation, of the staff organisations and of the people invited to its meetings.
-- A partner reads the names of these people through jalon_user_names(), not their accounts.
create policy membership_read on membership for select
  using (
    (user_id = jalon_user_id())
    OR ((tenant_id = jalon_tenant_id()) AND (
      jalon_is_staff()
      OR (organisation_id = jalon_organisation_id())
      OR (organisation_id = ANY (( SELECT jalon_staff_organisations() AS jalon_staff_organisations)::uuid[]))
      OR (user_id IN ( SELECT i.user_id FROM meeting_invitee i))
    ))
  );

-- Staff write the tenant's memberships, a partner those of its organisation; accepting an
-- invitation writes the membership it offers.
create policy membership_write on membership for all
  using (
    (tenant_id = jalon_tenant_id())
    and (jalon_is_staff() OR (organisation_id = jalon_organisation_id()) OR (organisation_id IN ( SELECT i.organisation_id FROM invitation i WHERE (i.token_hash = jalon_invitation_token()))))
  )
  with check (
    (tenant_id = jalon_tenant_id())
    and (jalon_is_staff() OR (organisation_id = jalon_organisation_id()) OR (organisation_id IN ( SELECT i.organisation_id FROM invitation i WHERE (i.token_hash = jalon_invitation_token()))))
  );
