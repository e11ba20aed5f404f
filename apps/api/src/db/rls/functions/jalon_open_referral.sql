create or replace function jalon_open_referral(p_search_key text, p_birth_date date)
 RETURNS uuid
 LANGUAGE sql
 STABLE SECURITY DEFINER
 SET search_path TO 'public'
AS $$
select id from referral where tenant_id = jalon_tenant_id() and search_key = p_search_key and birth_date = p_birth_date
   and status in ('NEW', 'UNDER_REVIEW', 'POSTPONED')
$$;

revoke all on function jalon_open_referral(p_search_key text, p_birth_date date) from public;
grant execute on function jalon_open_referral(p_search_key text, p_birth_date date) to jalon_app;
