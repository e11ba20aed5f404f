-- PL/pgSQL with a kept, generic plan: as SQL, its query was planned on every call (db/rls/README.md).
create or replace function jalon_session_occupancy(p_sessions uuid[])
 RETURNS TABLE(session_id uuid, places integer, proposed integer, accepted integer, waiting integer, attended integer)
 LANGUAGE plpgsql
 STABLE SECURITY DEFINER
 SET search_path TO 'public'
 SET plan_cache_mode TO 'force_generic_plan'
AS $$
#variable_conflict use_column
begin
  return query
    select s.id, s.places,
           (count(*) filter (where p.status = 'PROPOSED'))::int,
           (count(*) filter (where p.status = 'ACCEPTED'))::int,
           (count(*) filter (where p.status = 'WAITING'))::int,
           (count(*) filter (where p.status = 'ACCEPTED' and exists (select 1 from training_attendance t where t.stage_id = p.stage_id and t.hours_attended > 0)))::int
      from programme_session s join programme_action a on a.id = s.action_id
      left join positioning p on p.session_id = s.id
     where s.id = any(p_sessions) and s.tenant_id = jalon_tenant_id() and (jalon_is_staff() or a.operator_id = jalon_organisation_id())
     group by s.id, s.places;
end
$$;

revoke all on function jalon_session_occupancy(p_sessions uuid[]) from public;
grant execute on function jalon_session_occupancy(p_sessions uuid[]) to jalon_app;
