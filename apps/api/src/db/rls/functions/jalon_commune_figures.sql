create or replace function jalon_commune_figures(p_commune text, p_positive_exits text[], p_followed text[], p_smallest integer)
 RETURNS TABLE(metric text, key text, people integer)
 LANGUAGE sql
 STABLE SECURITY DEFINER
 SET search_path TO 'public'
AS $$
with allowed as (
  select 1 where jalon_tenant_id() is not null and (jalon_is_staff()
    or exists (select 1 from organisation o where o.id = jalon_organisation_id() and o.tenant_id = jalon_tenant_id() and o.insee_code = p_commune))
),
resident as (
  select p.id, p.current_status, p.priority_district_code from participant p, allowed where p.tenant_id = jalon_tenant_id() and p.commune_code = p_commune
),
counted as (
  select 'status' as metric, current_status::text as key, count(*)::int as n from resident group by current_status
  union all
  select 'entries', extract(year from pw.entry_date)::int::text, count(*)::int from pathway pw join resident r on r.id = pw.participant_id
   where pw.entry_date is not null group by 1, 2
  union all
  select 'positive_exits', extract(year from pw.exit_date)::int::text, count(*)::int from pathway pw join resident r on r.id = pw.participant_id
   where pw.exit_kind::text = any(p_positive_exits) group by 1, 2
  union all
  select 'priority_district', 'followed', count(*)::int from resident
   where priority_district_code is not null and current_status::text = any(p_followed)
)
select metric, key, case when n > 0 and n < p_smallest then null else n end from counted
$$;

revoke all on function jalon_commune_figures(p_commune text, p_positive_exits text[], p_followed text[], p_smallest integer) from public;
grant execute on function jalon_commune_figures(p_commune text, p_positive_exits text[], p_followed text[], p_smallest integer) to jalon_app;
