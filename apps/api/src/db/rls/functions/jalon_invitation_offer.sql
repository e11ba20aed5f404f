-- The membership the invitation whose link the request holds offers: its tenant, organisation and
-- role, for the account of the address it was sent to. Security definer, as the membership
-- policies read it and app_user's policy reads membership.
create or replace function jalon_invitation_offer()
 RETURNS TABLE(tenant_id uuid, organisation_id uuid, user_id uuid, role membership_role)
 LANGUAGE sql
 STABLE SECURITY DEFINER
 SET search_path TO 'public'
AS $$
select i.tenant_id, i.organisation_id, u.id, i.role from invitation i join app_user u on u.email = i.email
 where i.token_hash = jalon_invitation_token()
$$;

revoke all on function jalon_invitation_offer() from public;
grant execute on function jalon_invitation_offer() to jalon_app;
