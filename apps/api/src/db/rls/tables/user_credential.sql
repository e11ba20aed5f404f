alter table user_credential enable row level security;
alter table user_credential force row level security;

-- The password hash of the address the login path (or the acceptance of an invitation) names, and
-- one's own (to change it): staff and a partner's administrator, who read the accounts they
-- manage, read no one's hash.
create policy user_credential_own on user_credential for all
  using ((user_id = jalon_user_id()) OR (user_id IN ( SELECT u.id FROM app_user u WHERE (u.email = jalon_auth_email()))))
  with check ((user_id = jalon_user_id()) OR (user_id IN ( SELECT u.id FROM app_user u WHERE (u.email = jalon_auth_email()))));
