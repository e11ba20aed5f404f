-- What a participant reads of her own file in her space, and in the copy of her data she
-- downloads: her identity and contact, her pathways with their stages (the shared summary, never
-- the referent's private notes), her appointments, her commitment contracts, her diagnoses,
-- professional projects and ESF+ records, her assisted contracts with their employers' monthly reports,
-- her trainings' attendance and results, her in-job follow-up, her candidacies and positionings, her consents, the partner reads of the access log about her and her requests. Never the journal, the private
-- notes, the history of changes or another person's row. Security definer, keyed on the
-- participant of the request's own session only (jalon_participant_id()): null for any other
-- request. PL/pgSQL, so that its body is checked when called, after the function it calls exists.
create or replace function jalon_participant_file()
 RETURNS jsonb
 LANGUAGE plpgsql
 STABLE SECURITY DEFINER
 SET search_path TO 'public'
AS $$
begin
return (select jsonb_build_object(
  'participant', jsonb_build_object('id', p.id, 'firstName', p.first_name, 'lastName', p.last_name, 'birthDate', p.birth_date,
    'email', p.email, 'phone', p.phone, 'addressLine', p.address_line, 'postcode', p.postcode, 'communeCode', p.commune_code),
  'programme', t.name,
  'referent', (select u.display_name from membership m join app_user u on u.id = m.user_id where m.id = p.referent_id),
  'pathways', coalesce((select jsonb_agg(jsonb_build_object('id', w.id, 'number', w.number, 'status', w.status, 'referralDate', w.referral_date,
      'entryDate', w.entry_date, 'exitDate', w.exit_date) order by w.number) from pathway w where w.participant_id = p.id), '[]'::jsonb),
  'stages', coalesce((select jsonb_agg(jsonb_build_object('id', s.id, 'pathwayId', s.pathway_id, 'kindCode', k.code, 'kindLabel', k.label_fr, 'kindCategory', k.category,
      'status', s.status, 'plannedStart', s.planned_start, 'plannedEnd', s.planned_end, 'actualStart', s.actual_start, 'actualEnd', s.actual_end,
      'operator', o.name, 'sharedSummary', s.shared_summary) order by s.planned_start, s.id)
    from stage s join pathway w on w.id = s.pathway_id join stage_kind k on k.id = s.kind_id left join organisation o on o.id = s.operator_id
    where w.participant_id = p.id), '[]'::jsonb),
  'appointments', coalesce((select jsonb_agg(jsonb_build_object('id', a.id, 'kind', a.kind, 'title', a.title, 'startsAt', a.starts_at, 'endsAt', a.ends_at,
      'mode', a.mode, 'place', a.place, 'communeCode', a.commune_code, 'videoLink', a.video_link, 'status', a.status,
      'referent', (select u.display_name from membership m join app_user u on u.id = m.user_id where m.id = a.referent_id)) order by a.starts_at, a.id)
    from appointment_attendee e join appointment a on a.id = e.appointment_id where e.participant_id = p.id), '[]'::jsonb),
  'contracts', coalesce((select jsonb_agg(jsonb_build_object('id', c.id, 'number', c.number, 'objectives', c.objectives, 'startsOn', c.starts_on,
      'reviewOn', c.review_on, 'signedByParticipantOn', c.signed_by_participant_on, 'signedByReferentOn', c.signed_by_referent_on) order by c.number)
    from commitment_contract c join pathway w on w.id = c.pathway_id where w.participant_id = p.id), '[]'::jsonb),
  'consents', coalesce((select jsonb_agg(jsonb_build_object('id', c.id, 'granteeName', o.name, 'granteeKind', coalesce(o.kind, c.grantee_kind), 'effect', c.effect,
      'dataClasses', c.data_classes, 'stageKinds', (select coalesce(jsonb_agg(k.label_fr order by k.label_fr), '[]'::jsonb) from stage_kind k where k.tenant_id = c.tenant_id and k.code = any(c.stage_kinds)),
      'stageCount', cardinality(c.stage_ids), 'purpose', c.purpose, 'validFrom', c.valid_from, 'validUntil', c.valid_until, 'status', c.status, 'endedAt', c.ended_at)
      order by c.valid_from desc, c.id)
    from consent c left join organisation o on o.id = c.grantee_organisation_id where c.participant_id = p.id), '[]'::jsonb),
  'reads', coalesce((select jsonb_agg(jsonb_build_object('at', l.at, 'organisation', o.name, 'organisationKind', o.kind, 'dataClasses', l.data_classes, 'purposes', l.purposes)
      order by l.seq desc)
    from access_log l join organisation o on o.id = l.organisation_id where l.tenant_id = p.tenant_id and l.participant_id = p.id), '[]'::jsonb),
  'diagnoses', coalesce((select jsonb_agg(jsonb_build_object('pathwayId', d.pathway_id, 'carriedOutOn', d.carried_out_on, 'strengths', d.strengths,
      'obstacles', d.obstacles, 'needs', d.needs, 'pastTrades', d.past_trades) order by d.carried_out_on)
    from diagnosis d join pathway w on w.id = d.pathway_id where w.participant_id = p.id), '[]'::jsonb),
  'projects', coalesce((select jsonb_agg(jsonb_build_object('pathwayId', j.pathway_id, 'number', j.number, 'targets', j.targets) order by j.number)
    from professional_project j join pathway w on w.id = j.pathway_id where w.participant_id = p.id), '[]'::jsonb),
  'esfRecords', coalesce((select jsonb_agg(to_jsonb(e) - 'tenant_id' - 'version' - 'id' - 'created_at' - 'updated_at' order by e.created_at)
    from esf_record e join pathway w on w.id = e.pathway_id where w.participant_id = p.id), '[]'::jsonb),
  'employment', coalesce((select jsonb_agg(jsonb_build_object('employer', o.name, 'contractType', c.contract_type, 'position', c.position, 'startOn', c.start_on,
      'endOn', c.end_on, 'weeklyHours', c.weekly_hours, 'endedOn', c.ended_on, 'endReason', c.end_reason,
      'reports', coalesce((select jsonb_agg(jsonb_build_object('period', r.period, 'hoursWorked', r.hours_worked, 'trainingHours', r.training_hours,
          'absenceHours', r.absence_hours, 'skills', r.skills, 'comment', r.comment) order by r.period) from contract_report r where r.contract_id = c.id), '[]'::jsonb))
      order by c.start_on)
    from assisted_contract c join stage s on s.id = c.stage_id join pathway w on w.id = s.pathway_id join organisation o on o.id = c.employer_id
    where w.participant_id = p.id), '[]'::jsonb),
  'trainings', coalesce((select jsonb_agg(jsonb_build_object('stageId', s.id, 'kindLabel', k.label_fr, 'operator', o.name,
      'attendance', coalesce((select jsonb_agg(jsonb_build_object('period', a.period, 'hoursPlanned', a.hours_planned, 'hoursAttended', a.hours_attended) order by a.period)
        from training_attendance a where a.stage_id = s.id), '[]'::jsonb),
      'result', (select jsonb_build_object('outcome', r.outcome, 'endedOn', r.ended_on, 'certification', r.certification) from training_result r where r.stage_id = s.id))
      order by s.planned_start)
    from stage s join pathway w on w.id = s.pathway_id join stage_kind k on k.id = s.kind_id left join organisation o on o.id = s.operator_id
    where w.participant_id = p.id and (exists (select 1 from training_attendance a where a.stage_id = s.id) or exists (select 1 from training_result r where r.stage_id = s.id))), '[]'::jsonb),
  'followUps', coalesce((select jsonb_agg(jsonb_build_object('monthsAfterExit', f.months_after_exit, 'dueOn', f.due_on, 'doneOn', f.done_on,
      'stillEmployed', f.still_employed, 'employer', f.employer) order by f.due_on)
    from follow_up_check_in f join pathway w on w.id = f.pathway_id where w.participant_id = p.id), '[]'::jsonb),
  'candidacies', coalesce((select jsonb_agg(jsonb_build_object('offer', j.title, 'employer', coalesce(m.name, o.name), 'proposedOn', c.created_at,
      'status', c.status, 'hiredOn', c.hired_on) order by c.created_at)
    from candidacy c join job_offer j on j.id = c.offer_id left join company m on m.id = j.company_id left join organisation o on o.id = j.posted_by_organisation_id
    where c.participant_id = p.id), '[]'::jsonb),
  'positionings', coalesce((select jsonb_agg(jsonb_build_object('action', a.title, 'operator', o.name, 'startsOn', s.starts_on, 'endsOn', s.ends_on,
      'reason', g.reason, 'status', g.status) order by s.starts_on)
    from positioning g join programme_session s on s.id = g.session_id join programme_action a on a.id = s.action_id join organisation o on o.id = a.operator_id
    where g.participant_id = p.id), '[]'::jsonb),
  'requests', coalesce((select jsonb_agg(jsonb_build_object('id', r.id, 'kind', r.kind, 'message', r.message, 'createdAt', r.created_at, 'dueOn', r.due_on,
      'status', r.status, 'answer', r.answer, 'answeredAt', r.answered_at) order by r.created_at desc)
    from rights_request r where r.participant_id = p.id), '[]'::jsonb))
  from participant p join tenant t on t.id = p.tenant_id
 where p.id = jalon_participant_id());
end
$$;

revoke all on function jalon_participant_file() from public;
grant execute on function jalon_participant_file() to jalon_app;
