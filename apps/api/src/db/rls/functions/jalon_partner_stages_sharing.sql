create or replace function jalon_partner_stages_sharing(p_class text)
 RETURNS uuid[]
 LANGUAGE plpgsql
 STABLE SECURITY DEFINER
 SET search_path TO 'public'
AS $$
begin
  return (select coalesce(array_agg(distinct s.id), '{}') from jalon_partner_grants() g
    join pathway p on p.participant_id = g.participant_id join stage s on s.pathway_id = p.id join stage_kind k on k.id = s.kind_id
   where (g.stage_kinds is null or k.code = any(g.stage_kinds)) and (g.stage_ids is null or s.id = any(g.stage_ids))
     and (p_class = any(g.data_classes) or (p_class <> all(g.refused) and s.operator_id = jalon_organisation_id() and (
       'STAGE_DETAILS' = any(g.data_classes)
       or (k.category in ('INTEGRATION_ACTIVITY', 'ASSISTED_JOB', 'WORK_IMMERSION') and 'CONTRACT_REPORTS' = any(g.data_classes) and g.purpose = 'CONTRACT_REPORTING')
       or (k.category in ('TRAINING') and 'TRAINING_REPORTS' = any(g.data_classes) and g.purpose = 'TRAINING_FOLLOW_UP')))));
end
$$;

revoke all on function jalon_partner_stages_sharing(p_class text) from public;
grant execute on function jalon_partner_stages_sharing(p_class text) to jalon_app;
