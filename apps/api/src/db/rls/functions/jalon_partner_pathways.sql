-- PL/pgSQL with a kept, generic plan: as SQL, its query was planned on every call (db/rls/README.md).
create or replace function jalon_partner_pathways(p_class text)
 RETURNS uuid[]
 LANGUAGE plpgsql
 STABLE SECURITY DEFINER
 SET search_path TO 'public'
 SET plan_cache_mode TO 'force_generic_plan'
AS $$
begin
  return (select coalesce(array_agg(p.id), '{}') from pathway p where p.participant_id = any(jalon_partner_participants(p_class)));
end
$$;

revoke all on function jalon_partner_pathways(p_class text) from public;
grant execute on function jalon_partner_pathways(p_class text) to jalon_app;
