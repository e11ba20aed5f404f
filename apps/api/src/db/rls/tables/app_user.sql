alter table app_user enable row level security;
alter table app_user force row level security;

create policy app_user_insert on app_user for insert
  with check (email = jalon_auth_email());

-- One's own account, and the one the login path names; staff read the accounts of the tenant's
-- members (to invite, list and name them); a partner's administrator those of her organisation's
-- members, whose access she manages. Any other partner reads no other account: the names it is
-- shown come from jalon_user_names(), never an e-mail. No account holds a password hash: it is in
-- user_credential, which only the login path and its owner read.
create policy app_user_read on app_user for select
  using (
    (id = jalon_user_id())
    OR (email = jalon_auth_email())
    OR (EXISTS ( SELECT 1 FROM membership m WHERE ((m.user_id = app_user.id) AND (m.tenant_id = jalon_tenant_id()) AND (jalon_is_staff()
      OR ((m.organisation_id = jalon_organisation_id()) AND (EXISTS ( SELECT 1 FROM membership me WHERE ((me.user_id = jalon_user_id()) AND (me.organisation_id = jalon_organisation_id()) AND (me.tenant_id = jalon_tenant_id()) AND me.active AND (me.role = 'PARTNER_ADMIN'::membership_role)))))))))
  );

create policy app_user_update on app_user for update
  using ((id = jalon_user_id()) OR (email = jalon_auth_email()));
