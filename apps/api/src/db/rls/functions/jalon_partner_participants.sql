create or replace function jalon_partner_participants(p_class text)
 RETURNS uuid[]
 LANGUAGE plpgsql
 STABLE SECURITY DEFINER
 SET search_path TO 'public'
AS $$
begin
  return (select coalesce(array_agg(distinct g.participant_id), '{}') from jalon_partner_grants() g where p_class is null or p_class = any(g.data_classes));
end
$$;

revoke all on function jalon_partner_participants(p_class text) from public;
grant execute on function jalon_partner_participants(p_class text) to jalon_app;
