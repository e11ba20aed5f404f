create or replace function jalon_office_hours_figures(p_commune text, p_from timestamp with time zone, p_to timestamp with time zone, p_smallest integer)
 RETURNS TABLE(metric text, people integer)
 LANGUAGE sql
 STABLE SECURITY DEFINER
 SET search_path TO 'public'
AS $$
with allowed as (
  select 1 where jalon_tenant_id() is not null and (jalon_is_staff() or jalon_commune_of_partner() = p_commune)
),
booked as (
  select a.referral_attendance from appointment a join office_hours h on h.id = a.office_hours_id, allowed
   where h.tenant_id = jalon_tenant_id() and h.commune_code = p_commune
     and a.status <> 'CANCELLED'::appointment_status and a.starts_at >= p_from and a.starts_at < p_to
),
counted as (
  select 'booked' as metric, count(*)::int as n from booked
  union all
  select 'recorded', count(*)::int from booked where referral_attendance in ('PRESENT', 'ABSENT', 'EXCUSED')
  union all
  select 'present', count(*)::int from booked where referral_attendance = 'PRESENT'
  union all
  select 'no_show', count(*)::int from booked where referral_attendance = 'ABSENT'
)
select metric, case when n > 0 and n < p_smallest then null else n end from counted, allowed
$$;

revoke all on function jalon_office_hours_figures(p_commune text, p_from timestamp with time zone, p_to timestamp with time zone, p_smallest integer) from public;
grant execute on function jalon_office_hours_figures(p_commune text, p_from timestamp with time zone, p_to timestamp with time zone, p_smallest integer) to jalon_app;
