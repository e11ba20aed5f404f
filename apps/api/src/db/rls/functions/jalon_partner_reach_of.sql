-- The partner's reach, sealed (see jalon_partner_reach()): p_stash itself when its seal holds,
-- computed from the grants and sealed otherwise. It is the seal (64 characters), then three sets'
-- text separated by '|', which none contains:
-- - the people the partner holds a grant for (jalon_partner_participants(NULL)), as uuid[];
-- - the pathways all of whose stages are listed for it, as jsonb keyed by id: those of a grant of
--   STAGE_LIST that names no stage kind and no stage, which jalon_partner_stages_sharing() would
--   grant every stage of. The stage's policy asks it first and builds jalon_partner_stages() only
--   for a row it does not cover;
-- - the people whose pathway status it may see in its meetings (jalon_partner_meeting_participants()),
--   as uuid[].
-- All come from one evaluation of the grants.
create or replace function jalon_partner_reach_of(p_stash text)
 RETURNS text
 LANGUAGE plpgsql
 STABLE SECURITY DEFINER
 SET search_path TO 'public'
AS $$
declare
  sets text;
begin
  if p_stash <> '' and left(p_stash, 64) = jalon_partner_reach_seal(substr(p_stash, 65)) then
    return p_stash;
  end if;
  with g as materialized (select * from jalon_partner_grants())
  select (select coalesce(array_agg(distinct g.participant_id), '{}') from g)::text || '|' ||
         (select coalesce(jsonb_object_agg(p.id, true), '{}') from g join pathway p on p.participant_id = g.participant_id
           where 'STAGE_LIST' = any(g.data_classes) and g.stage_kinds is null and g.stage_ids is null)::text || '|' ||
         (select coalesce(array_agg(distinct g.participant_id), '{}') from g
           where g.purpose = 'COORDINATION_MEETINGS' and 'PATHWAY_STATUS' = any(g.data_classes))::text
    into sets;
  return jalon_partner_reach_seal(sets) || sets;
end
$$;

revoke all on function jalon_partner_reach_of(p_stash text) from public;
grant execute on function jalon_partner_reach_of(p_stash text) to jalon_app;
