-- The people the partner holds a grant of p_class for (of anything when null). Null, asked by the
-- person's and the pathway's policies, is read from the partner's reach, computed once per
-- transaction (jalon_partner_reach()). Invoker rights, so that its stash outlives the call.
create or replace function jalon_partner_participants(p_class text)
 RETURNS uuid[]
 LANGUAGE plpgsql
 STABLE
AS $$
begin
  if p_class is null then
    return split_part(public.jalon_partner_reach(), '|', 1)::uuid[];
  end if;
  return (select coalesce(array_agg(distinct g.participant_id), '{}') from public.jalon_partner_grants() g where p_class = any(g.data_classes));
end
$$;

revoke all on function jalon_partner_participants(p_class text) from public;
grant execute on function jalon_partner_participants(p_class text) to jalon_app;
