-- PL/pgSQL with a kept, generic plan: as SQL, its query was planned on every call (db/rls/README.md).
create or replace function jalon_partner_class_stages(p_class text)
 RETURNS uuid[]
 LANGUAGE plpgsql
 STABLE SECURITY DEFINER
 SET search_path TO 'public'
 SET plan_cache_mode TO 'force_generic_plan'
AS $$
begin
  return (select coalesce(array_agg(distinct s.id), '{}') from jalon_partner_grants() g
            join pathway p on p.participant_id = g.participant_id join stage s on s.pathway_id = p.id join stage_kind k on k.id = s.kind_id
           where p_class = any(g.data_classes) and (g.stage_kinds is null or k.code = any(g.stage_kinds)) and (g.stage_ids is null or s.id = any(g.stage_ids)));
end
$$;

revoke all on function jalon_partner_class_stages(p_class text) from public;
grant execute on function jalon_partner_class_stages(p_class text) to jalon_app;
