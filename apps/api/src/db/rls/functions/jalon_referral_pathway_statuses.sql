-- The status of each referral's pathway among p_ids that the viewer may read (the referrals inbox).
-- PL/pgSQL with a kept, generic plan: as SQL, its query was planned on every call (db/rls/README.md).
create or replace function jalon_referral_pathway_statuses(p_ids uuid[])
 RETURNS TABLE(referral_id uuid, status pathway_status)
 LANGUAGE plpgsql
 STABLE SECURITY DEFINER
 SET search_path TO 'public'
 SET plan_cache_mode TO 'force_generic_plan'
AS $$
#variable_conflict use_column
begin
  return query
    select r.id, p.status from referral r join pathway p on p.id = r.pathway_id
     where r.id = any(p_ids) and r.tenant_id = jalon_tenant_id()
       and (jalon_is_staff() or r.referring_organisation_id = jalon_organisation_id() or r.id = any((select jalon_partner_referrals())::uuid[]));
end
$$;

revoke all on function jalon_referral_pathway_statuses(p_ids uuid[]) from public;
grant execute on function jalon_referral_pathway_statuses(p_ids uuid[]) to jalon_app;
