create or replace function jalon_partner_pathways(p_class text)
 RETURNS uuid[]
 LANGUAGE sql
 STABLE SECURITY DEFINER
 SET search_path TO 'public'
AS $$
select coalesce(array_agg(p.id), '{}') from pathway p where p.participant_id = any(jalon_partner_participants(p_class))
$$;

revoke all on function jalon_partner_pathways(p_class text) from public;
grant execute on function jalon_partner_pathways(p_class text) to jalon_app;
