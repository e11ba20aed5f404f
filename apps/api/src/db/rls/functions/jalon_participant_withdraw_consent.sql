-- A participant withdraws, from her own space, a consent in force that she gave: it ends at
-- p_now (the partner's next request already sees nothing) and the withdrawal is recorded in the
-- consent's history, by no staff member. Returns the consent's id, null when it is not one of her
-- consents in force. Security definer keyed on the request's own participant (jalon_participant_id()).
create or replace function jalon_participant_withdraw_consent(p_consent_id uuid, p_now timestamp with time zone)
 RETURNS uuid
 LANGUAGE plpgsql
 SECURITY DEFINER
 SET search_path TO 'public'
AS $$
declare
  withdrawn consent;
begin
  update consent c set status = 'REVOKED', ended_at = p_now, end_reason = 'Retiré par la personne depuis son espace', version = c.version + 1
   where c.id = p_consent_id and c.participant_id = jalon_participant_id() and c.status = 'ACTIVE' and c.effect = 'GRANT'
  returning * into withdrawn;
  if not found then return null; end if;
  insert into consent_event (id, tenant_id, consent_id, action, at, author_id, reason)
    values (gen_random_uuid(), withdrawn.tenant_id, withdrawn.id, 'REVOKED', p_now, null, withdrawn.end_reason);
  return withdrawn.id;
end
$$;

revoke all on function jalon_participant_withdraw_consent(p_consent_id uuid, p_now timestamp with time zone) from public;
grant execute on function jalon_participant_withdraw_consent(p_consent_id uuid, p_now timestamp with time zone) to jalon_app;
