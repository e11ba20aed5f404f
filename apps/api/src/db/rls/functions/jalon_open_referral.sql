-- PL/pgSQL with a kept, generic plan: as SQL, its query was planned on every call (db/rls/README.md).
create or replace function jalon_open_referral(p_search_key text, p_birth_date date)
 RETURNS uuid
 LANGUAGE plpgsql
 STABLE SECURITY DEFINER
 SET search_path TO 'public'
 SET plan_cache_mode TO 'force_generic_plan'
AS $$
begin
  return (select id from referral where tenant_id = jalon_tenant_id() and search_key = p_search_key and birth_date = p_birth_date
             and status in ('NEW', 'UNDER_REVIEW', 'POSTPONED') limit 1);
end
$$;

revoke all on function jalon_open_referral(p_search_key text, p_birth_date date) from public;
grant execute on function jalon_open_referral(p_search_key text, p_birth_date date) to jalon_app;
