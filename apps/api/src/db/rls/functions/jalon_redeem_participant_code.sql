-- Signs a participant in: spends the access code (printed, or sent as a link) whose hash is given,
-- if it is unused, unrevoked and unexpired and was handed over as p_delivery says (a printed code is
-- typed, a link is followed), and opens her session under p_token_hash. Returns her id,
-- null when no such code. Security definer: the person signing in acts for no tenant yet, and a
-- code is found only by its exact hash, spent at most once (the update locks the row). Never for an
-- archived file: it is out of every page, her own space included (archiving ends her sessions).
create or replace function jalon_redeem_participant_code(p_code_hash text, p_delivery text, p_token_hash text, p_now timestamp with time zone, p_expires_at timestamp with time zone)
 RETURNS uuid
 LANGUAGE plpgsql
 SECURITY DEFINER
 SET search_path TO 'public'
AS $$
declare
  spent participant_access_code;
begin
  update participant_access_code c set used_at = p_now
   where c.code_hash = p_code_hash and c.delivery = p_delivery and c.used_at is null and c.revoked_at is null and c.expires_at > p_now
     and not exists (select 1 from participant p where p.id = c.participant_id and p.archived_on is not null)
  returning * into spent;
  if not found then return null; end if;
  insert into participant_session (id, created_at, tenant_id, participant_id, token_hash, expires_at, last_seen_at)
    values (gen_random_uuid(), p_now, spent.tenant_id, spent.participant_id, p_token_hash, p_expires_at, p_now);
  return spent.participant_id;
end
$$;

revoke all on function jalon_redeem_participant_code(p_code_hash text, p_delivery text, p_token_hash text, p_now timestamp with time zone, p_expires_at timestamp with time zone) from public;
grant execute on function jalon_redeem_participant_code(p_code_hash text, p_delivery text, p_token_hash text, p_now timestamp with time zone, p_expires_at timestamp with time zone) to jalon_app;
