-- PL/pgSQL with a kept, generic plan: as SQL, its query was planned on every call (db/rls/README.md).
create or replace function jalon_partner_positionings()
 RETURNS uuid[]
 LANGUAGE plpgsql
 STABLE SECURITY DEFINER
 SET search_path TO 'public'
 SET plan_cache_mode TO 'force_generic_plan'
AS $$
begin
  return (select coalesce(array_agg(distinct ps.id), '{}') from jalon_partner_grants() g
            join positioning ps on ps.participant_id = g.participant_id join programme_session s on s.id = ps.session_id
            join programme_action a on a.id = s.action_id and a.operator_id = jalon_organisation_id() join stage_kind k on k.id = a.kind_id
           where (g.stage_kinds is null or k.code = any(g.stage_kinds)) and (g.stage_ids is null or ps.stage_id = any(g.stage_ids))
             and 'STAGE_DETAILS' <> all(g.refused) and ('STAGE_DETAILS' = any(g.data_classes)
               or (k.category in ('INTEGRATION_ACTIVITY', 'ASSISTED_JOB', 'WORK_IMMERSION') and 'CONTRACT_REPORTS' = any(g.data_classes) and g.purpose = 'CONTRACT_REPORTING')
               or (k.category in ('TRAINING') and 'TRAINING_REPORTS' = any(g.data_classes) and g.purpose = 'TRAINING_FOLLOW_UP')));
end
$$;

revoke all on function jalon_partner_positionings() from public;
grant execute on function jalon_partner_positionings() to jalon_app;
