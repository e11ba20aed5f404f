-- The sets the partner policies of a person, a pathway, a stage and an agenda's point decide from,
-- as text (jalon_partner_reach_of(); each caller parses only its own), computed once per
-- transaction: the first call stashes them, sealed, in a transaction-local setting, and the next
-- ones read them back while the seal holds. A partner's list of people and their stages asked for
-- them three times in its one statement, each time evaluating the grants. Invoker rights and no
-- setting of its own: a function with either keeps the settings it makes to itself, so the stash
-- would not outlive it.
create or replace function jalon_partner_reach()
 RETURNS text
 LANGUAGE plpgsql
 STABLE
AS $$
declare
  stashed text := current_setting('jalon.partner_reach', true);
  reach text := public.jalon_partner_reach_of(stashed);
begin
  if reach is distinct from stashed then
    perform set_config('jalon.partner_reach', reach, true);
  end if;
  return substr(reach, 65);
end
$$;

revoke all on function jalon_partner_reach() from public;
grant execute on function jalon_partner_reach() to jalon_app;
