-- The pathways all of whose stages' list is shared with the partner, as a set keyed by pathway id
-- (see jalon_partner_reach_of()), read from the partner's reach, computed once per transaction.
create or replace function jalon_partner_stage_pathways()
 RETURNS jsonb
 LANGUAGE sql
 STABLE
AS $$ select split_part(public.jalon_partner_reach(), '|', 2)::jsonb $$;

revoke all on function jalon_partner_stage_pathways() from public;
grant execute on function jalon_partner_stage_pathways() to jalon_app;
