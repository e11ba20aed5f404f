-- PL/pgSQL with a kept, generic plan: as SQL, its query was planned on every call (db/rls/README.md).
create or replace function jalon_partner_referrals()
 RETURNS uuid[]
 LANGUAGE plpgsql
 STABLE SECURITY DEFINER
 SET search_path TO 'public'
 SET plan_cache_mode TO 'force_generic_plan'
AS $$
begin
  return (select coalesce(array_agg(distinct s.referral_id), '{}') from referral_submission s
           where s.tenant_id = jalon_tenant_id() and s.organisation_id = jalon_organisation_id() and not jalon_is_staff());
end
$$;

revoke all on function jalon_partner_referrals() from public;
grant execute on function jalon_partner_referrals() to jalon_app;
