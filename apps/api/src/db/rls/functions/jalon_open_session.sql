-- Opens a request in one round trip (access/authenticate.ts): switches the transaction to the
-- application role, sets the cookie's token, reads its session, sets the session's user, reads the
-- membership it acts through if still active (its organisation's kind, its tenant's setting), and
-- sets the request's tenant, organisation, staff flag and clock from it. Invoker rights: each read
-- is under row-level security, in the order the settings allow, exactly as separate statements
-- were. No row: no session for this token (or no token). Whether the session is still live is the
-- API's to decide next: when it is not, the API clears these settings. Staff are the animation team
-- and the referent operators, as in jalon_staff_organisations; the API checks the flag against the
-- domain's rule (isPartnerKind) and refuses the request if they ever differ. For a partner, it also
-- reads the consents naming its organisation (or kind) that may be in force at p_now, as the consent
-- guard reads them (db/consent-terms.query.ts): after the settings are set, under the consent's
-- policy, in a statement of its own, so the partner's requests need no round trip for them. As
-- json, not jsonb: the API only parses it, and building jsonb's binary form was a fifth of the
-- function's time. They come stamped with the tenant, organisation, its kind and the count of the
-- tenant's consent changes (consent_version); when p_known_consents is that stamp, the API already
-- holds them (access/partner-consents.ts) and they are not read again: reading and building them
-- was most of the function's time (1.3 ms for 80 consents). The stamp is read in the same statement
-- as the consents, so consents never come with a stamp older than they are.
create or replace function jalon_open_session(p_token_hash text, p_now timestamp with time zone, p_known_consents text)
 RETURNS TABLE(session_id uuid, user_id uuid, expires_at timestamp with time zone, last_seen_at timestamp with time zone, revoked_at timestamp with time zone, membership_id uuid, tenant_id uuid, organisation_id uuid, organisation_kind text, role text, colleagues_can_read boolean, staff boolean, consents json, consents_stamp text)
 LANGUAGE plpgsql
AS $$
#variable_conflict use_column
declare
  opened session;
  acting record;
begin
  set local role jalon_app;
  perform set_config('jalon.session_token', coalesce(p_token_hash, ''), true);
  if p_token_hash is null then return; end if;
  select * into opened from session s where s.token_hash = p_token_hash;
  if not found then return; end if;
  perform set_config('jalon.user_id', opened.user_id::text, true);
  select m.id, m.tenant_id, m.organisation_id, o.kind::text as kind, m.role::text as role, t.colleagues_can_read,
         o.kind in ('ANIMATION_TEAM', 'REFERENT_OPERATOR') as staff
    into acting
    from membership m join organisation o on o.id = m.organisation_id join tenant t on t.id = m.tenant_id
   where m.id = opened.membership_id and m.active;
  perform set_config('jalon.tenant_id', coalesce(acting.tenant_id::text, ''), true),
          set_config('jalon.organisation_id', coalesce(acting.organisation_id::text, ''), true),
          set_config('jalon.staff', coalesce(acting.staff, false)::text, true),
          set_config('jalon.now', p_now::text, true);
  return query
    select opened.id, opened.user_id, opened.expires_at, opened.last_seen_at, opened.revoked_at,
           acting.id, acting.tenant_id, acting.organisation_id, acting.kind, acting.role, acting.colleagues_can_read, coalesce(acting.staff, false),
           case when acting.id is not null and not acting.staff and p_known_consents is distinct from stamp.known then
             (select coalesce(json_agg(json_build_object('id', c.id, 'participant', c.participant_id, 'granteeOrganisation', c.grantee_organisation_id,
                       'granteeKind', c.grantee_kind, 'effect', c.effect, 'dataClasses', c.data_classes, 'stageKinds', c.stage_kinds, 'stageIds', c.stage_ids,
                       'purpose', c.purpose, 'validFrom', c.valid_from, 'validUntil', c.valid_until, 'status', c.status)), '[]'::json)
                from consent c
               where c.tenant_id = acting.tenant_id and c.status = 'ACTIVE'
                 and (c.grantee_organisation_id = acting.organisation_id or c.grantee_kind::text = acting.kind)
                 and (c.valid_until is null or c.valid_until > p_now))
           end,
           case when acting.id is not null and not acting.staff then stamp.known end
      from (select concat_ws(':', acting.tenant_id, acting.organisation_id, acting.kind,
                             coalesce((select v.version from consent_version v where v.tenant_id = acting.tenant_id), 0)) as known) stamp;
end
$$;

revoke all on function jalon_open_session(p_token_hash text, p_now timestamp with time zone, p_known_consents text) from public;
grant execute on function jalon_open_session(p_token_hash text, p_now timestamp with time zone, p_known_consents text) to jalon_app;
