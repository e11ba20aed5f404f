create or replace function jalon_partner_referrals()
 RETURNS uuid[]
 LANGUAGE sql
 STABLE SECURITY DEFINER
 SET search_path TO 'public'
AS $$
select coalesce(array_agg(distinct s.referral_id), '{}') from referral_submission s
 where s.tenant_id = jalon_tenant_id() and s.organisation_id = jalon_organisation_id() and not jalon_is_staff()
$$;

revoke all on function jalon_partner_referrals() from public;
grant execute on function jalon_partner_referrals() to jalon_app;
