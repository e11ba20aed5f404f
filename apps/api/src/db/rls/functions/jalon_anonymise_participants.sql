-- Anonymises archived files of the request's tenant (p_people: [{ id, birthDate }], the birth date
-- each keeps, computed by packages/domain anonymisedBirthDate). Column by column
-- (modules/retention/README.md): identity, contact and free texts go; what the reports and the ESF+
-- indicators count stays (sex, commune and priority district, referent, dates, statuses, exit
-- kinds, stage kinds, ESF+ items, the age at each entry). Security definer: the history and the
-- partners' submissions are append-only or not the staff's to write. Only the retention job or the
-- animation team (an erasure), for files already archived. Returns how many were anonymised.
create or replace function jalon_anonymise_participants(p_people jsonb, p_on date)
 RETURNS integer
 LANGUAGE plpgsql
 SECURITY DEFINER
 SET search_path TO 'public'
AS $$
declare
  done integer;
begin
  if not jalon_reads_archives() then
    raise exception 'anonymisation outside the retention job or the animation team' using errcode = '42501';
  end if;
  create temporary table if not exists retention_target (id uuid primary key, birth_date date, pseudonym text) on commit drop;
  delete from retention_target;
  insert into retention_target
    select p.id, (x->>'birthDate')::date, 'anonyme ' || left(p.id::text, 8)
      from jsonb_array_elements(p_people) x join participant p on p.id = (x->>'id')::uuid
     where p.tenant_id = jalon_tenant_id() and p.archived_on is not null and p.anonymised_on is null;

  update participant p set first_name = 'Anonyme', last_name = left(p.id::text, 8), search_key = t.pseudonym, birth_date = t.birth_date,
         phone = null, email = null, address_line = null, postcode = null, anonymised_on = p_on, updated_at = now()
    from retention_target t where p.id = t.id;
  get diagnostics done = row_count;
  update participant_change c set changes = '[]'::jsonb from retention_target t where c.participant_id = t.id;
  delete from journal_entry j using retention_target t where j.participant_id = t.id;
  update stage s set private_notes = null, shared_summary = null, outcome = null
    from pathway pw join retention_target t on t.id = pw.participant_id where s.pathway_id = pw.id;
  update diagnosis d set strengths = null, needs = null,
         obstacles = (select coalesce(jsonb_agg(jsonb_set(o, '{note}', 'null'::jsonb)), '[]'::jsonb) from jsonb_array_elements(d.obstacles) o)
    from pathway pw join retention_target t on t.id = pw.participant_id where d.pathway_id = pw.id;
  update commitment_contract c set objectives = '[]'::jsonb, amendment_reason = null
    from pathway pw join retention_target t on t.id = pw.participant_id where c.pathway_id = pw.id;
  update follow_up_check_in f set employer = null, notes = null
    from pathway pw join retention_target t on t.id = pw.participant_id where f.pathway_id = pw.id;
  update assisted_contract a set tutor_name = null
    from stage s join pathway pw on pw.id = s.pathway_id join retention_target t on t.id = pw.participant_id where a.stage_id = s.id;
  update training_attendance a set absence_note = null
    from stage s join pathway pw on pw.id = s.pathway_id join retention_target t on t.id = pw.participant_id where a.stage_id = s.id;
  update training_result r set drop_out_reason = null
    from stage s join pathway pw on pw.id = s.pathway_id join retention_target t on t.id = pw.participant_id where r.stage_id = s.id;
  update candidacy c set summary = '', answer_note = null, outcome_reason = null from retention_target t where c.participant_id = t.id;
  update consent c set witness = null, end_reason = null from retention_target t where c.participant_id = t.id;
  delete from consent_evidence e using consent c, retention_target t where e.consent_id = c.id and c.participant_id = t.id;
  update agenda_item i set question = '', minutes = null, decision_reason = null from retention_target t where i.participant_id = t.id;
  update notification n set participant_label = 'Anonyme' from retention_target t where n.participant_id = t.id;
  update esf_operation_change c set reason = null
    from pathway pw join retention_target t on t.id = pw.participant_id where c.pathway_id = pw.id;
  update esf_export_line l set content = '', rejection_reason = null
    from pathway pw join retention_target t on t.id = pw.participant_id where l.pathway_id = pw.id;
  update referral r set first_name = 'Anonyme', last_name = left(t.id::text, 8), search_key = t.pseudonym, birth_date = t.birth_date,
         phone = null, email = null, address_line = null, postcode = null, decision_reason = null
    from retention_target t where r.participant_id = t.id;
  update referral_submission s set first_name = 'Anonyme', last_name = left(t.id::text, 8), search_key = t.pseudonym, birth_date = t.birth_date,
         phone = null, email = null, address_line = null, postcode = null, expectations = null, situation = '', reason = '', witness = null, decision_reason = null
    from referral r join retention_target t on t.id = r.participant_id where s.referral_id = r.id;
  delete from referral_attachment a using referral r, retention_target t where a.referral_id = r.id and r.participant_id = t.id;
  update positioning p set reason = '', answer_note = null from retention_target t where p.participant_id = t.id;
  update programme_need n set note = null from retention_target t where n.participant_id = t.id;
  update rights_request r set message = 'Anonymisé', answer = case when r.answer is null then null else 'Anonymisé' end
    from retention_target t where r.participant_id = t.id;
  -- The title of an appointment of hers alone, or booked in office hours for her referral, names her; a group's does not.
  update appointment a set title = null
   where a.referral_id in (select r.id from referral r join retention_target t on t.id = r.participant_id)
      or (exists (select 1 from appointment_attendee e join retention_target t on t.id = e.participant_id where e.appointment_id = a.id)
          and not exists (select 1 from appointment_attendee e where e.appointment_id = a.id and e.participant_id not in (select id from retention_target)));
  return done;
end
$$;

revoke all on function jalon_anonymise_participants(p_people jsonb, p_on date) from public;
grant execute on function jalon_anonymise_participants(p_people jsonb, p_on date) to jalon_app;
