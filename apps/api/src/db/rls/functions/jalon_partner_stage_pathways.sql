-- The pathways all of whose stages' list is shared with the partner, as a set keyed by pathway id:
-- those of the people it holds a grant of STAGE_LIST for that names no stage kind and no stage,
-- which jalon_partner_stages_sharing() would grant every stage of. The stage's policy asks it
-- first; jalon_partner_stages() (every stage shared, one by one) is then computed only for a row
-- this set does not cover, as a subquery is run when first needed: a partner's list of 70 people
-- builds a set of 70 keys rather than 700 (0.8 ms rather than 2.4).
create or replace function jalon_partner_stage_pathways()
 RETURNS jsonb
 LANGUAGE plpgsql
 STABLE SECURITY DEFINER
 SET search_path TO 'public'
AS $$
begin
  return (select coalesce(jsonb_object_agg(p.id, true), '{}') from jalon_partner_grants() g join pathway p on p.participant_id = g.participant_id
           where 'STAGE_LIST' = any(g.data_classes) and g.stage_kinds is null and g.stage_ids is null);
end
$$;

revoke all on function jalon_partner_stage_pathways() from public;
grant execute on function jalon_partner_stage_pathways() to jalon_app;
