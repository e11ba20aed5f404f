-- Every figure of the activity report (modules/reports/activity-report.query.ts says what each
-- counts), for the period [p_from, p_to] and the one before, of the people of these tenants in
-- scope: the whole PLIE when p_referent, p_organisation and p_commune are all null, else a
-- referent's caseload (her membership), an operator's (its referents' people) or a commune's
-- residents. Reads past row-level security, archived files included: a past year's figures stay
-- the same once its files are archived. Not granted to the application: the request counts through
-- jalon_activity_figures(), which checks its session; the bench's national total as the owner.
-- The report's definitions written out: job exits 'JOB_PERMANENT', 'JOB_FIXED_TERM_6_MONTHS_PLUS',
-- 'BUSINESS_CREATION' and positive exits, those and 'QUALIFYING_TRAINING' (packages/domain
-- exit-kind.ts, held to it by domain-constants.spec.ts); the stages carrying the job one leaves for.
create or replace function jalon_activity_figures_of(p_tenants uuid[], p_referent uuid, p_organisation uuid, p_commune text, p_from date, p_to date, p_previous_from date, p_previous_to date, p_locale text)
 RETURNS TABLE(period text, figure text, key text, label text, value double precision)
 LANGUAGE sql
 STABLE
AS $$
with periods (period, p_from, p_to) as (values ('current', p_from, p_to), ('previous', p_previous_from, p_previous_to)),
scoped as (
  -- The scope as one condition the planner folds once the parameters are known, written out in each
  -- count over a large table (stages, appointments) so that it joins them by hash.
  select p.id, p.gender, p.birth_date, p.priority_district_code from participant p
   where p.tenant_id = any(p_tenants)
     and (p_referent is null or p.referent_id = p_referent)
     and (p_organisation is null or p.referent_id in (select m.id from membership m where m.organisation_id = p_organisation))
     and (p_commune is null or p.commune_code = p_commune)
),
pathways as (
  select pw.id, pw.participant_id, pw.number, pw.entry_date, pw.exit_date, pw.exit_kind::text as exit_kind, esf.employment_situation,
         esf.education_level, esf.disability, esf.minimum_income, scoped.gender, scoped.birth_date, scoped.priority_district_code
    from pathway pw join scoped on scoped.id = pw.participant_id left join esf_record esf on esf.pathway_id = pw.id
   where pw.entry_date is not null
),
entries as (select per.period, pw.* from periods per join pathways pw on pw.entry_date between per.p_from and per.p_to),
exits as (select per.period, pw.* from periods per join pathways pw on pw.exit_date between per.p_from and per.p_to),
job_exits as (
  select e.period, e.exit_kind, job.rome_code, coalesce(named.employer, job.operator_name) as employer
    from exits e
    left join lateral (
      select s.rome_code, o.name as operator_name from stage s join stage_kind k on k.id = s.kind_id left join organisation o on o.id = s.operator_id
       where s.pathway_id = e.id and k.category in ('EMPLOYMENT', 'ASSISTED_JOB', 'INTEGRATION_ACTIVITY', 'BUSINESS_CREATION') and s.status <> 'CANCELLED'
         and coalesce(s.actual_start, s.planned_start) <= e.exit_date
       order by coalesce(s.actual_start, s.planned_start) desc, s.id limit 1) job on true
    left join lateral (
      select c.employer from follow_up_check_in c where c.pathway_id = e.id and c.employer is not null order by c.months_after_exit limit 1) named on true
   where e.exit_kind in ('JOB_PERMANENT', 'JOB_FIXED_TERM_6_MONTHS_PLUS', 'BUSINESS_CREATION')
),
stage_counts as (
  select per.period, s.kind_id, s.operator_id,
         count(*) filter (where s.actual_start between per.p_from and per.p_to) as started,
         count(*) filter (where s.status = 'COMPLETED' and s.actual_end between per.p_from and per.p_to) as completed
    from periods per
    join stage s on s.status <> 'CANCELLED'
     and (s.actual_start between per.p_from and per.p_to or s.actual_end between per.p_from and per.p_to)
    join pathway pw on pw.id = s.pathway_id and pw.entry_date is not null
    join participant p on p.id = pw.participant_id
   where p.tenant_id = any(p_tenants)
     and (p_referent is null or p.referent_id = p_referent)
     and (p_organisation is null or p.referent_id in (select m.id from membership m where m.organisation_id = p_organisation))
     and (p_commune is null or p.commune_code = p_commune)
   group by per.period, s.kind_id, s.operator_id
),
stages as (
  select c.period, c.started, c.completed, k.code, k.category::text as category, k.label_fr, k.label_en, c.operator_id, o.name as operator_name
    from stage_counts c join stage_kind k on k.id = c.kind_id left join organisation o on o.id = c.operator_id
),
held_appointments as (
  select per.period, a.kind::text as kind, a.mode::text as mode,
         count(*) filter (where att.attendance = 'PRESENT') as attended,
         count(*) filter (where att.attendance in ('ABSENT', 'EXCUSED')) as missed
    from periods per
    join appointment a on a.status = 'HELD' and (a.starts_at at time zone 'Europe/Paris')::date between per.p_from and per.p_to
    join appointment_attendee att on att.appointment_id = a.id
    join participant p on p.id = att.participant_id
   where p.tenant_id = any(p_tenants)
     and (p_referent is null or p.referent_id = p_referent)
     and (p_organisation is null or p.referent_id in (select m.id from membership m where m.organisation_id = p_organisation))
     and (p_commune is null or p.commune_code = p_commune)
   group by per.period, a.id
),
employers as (
  select period, employer, count(*) as n, rank() over (partition by period order by count(*) desc, employer) as place
    from job_exits where employer is not null group by period, employer
),
figures (period, figure, key, label, value) as (
  select per.period, 'people', 'followed', null, count(distinct pw.participant_id)
    from periods per join pathways pw on pw.entry_date <= per.p_to and (pw.exit_date is null or pw.exit_date >= per.p_from) group by per.period
  union all select period, 'people', 'entries', null, count(*) from entries group by period
  union all select period, 'people', 'reEntries', null, count(*) filter (where number > 1) from entries group by period
  union all select period, 'people', 'exits', null, count(*) from exits group by period
  union all select period, 'people', 'positiveExits', null, count(*) filter (where exit_kind in ('JOB_PERMANENT', 'JOB_FIXED_TERM_6_MONTHS_PLUS', 'BUSINESS_CREATION', 'QUALIFYING_TRAINING'))
    from exits group by period
  union all select per.period, 'people', 'inJobFollowUp', null, count(distinct pw.participant_id)
    from periods per join pathways pw on pw.exit_kind in ('JOB_PERMANENT', 'JOB_FIXED_TERM_6_MONTHS_PLUS', 'BUSINESS_CREATION')
     and pw.exit_date <= per.p_to and pw.exit_date > (per.p_from - interval '6 months')::date
   group by per.period
  union all select per.period, 'followUp', v.key, null, count(*) filter (where v.holds)
    from periods per join follow_up_check_in c on c.months_after_exit = 6 and c.done_on between per.p_from and per.p_to join pathways pw on pw.id = c.pathway_id
   cross join lateral (values ('done', true), ('employed', coalesce(c.still_employed, false))) v(key, holds)
   group by 1, 3
  union all select period, 'exitsByKind', exit_kind, null, count(*) from exits group by period, exit_kind
  union all select period, 'pathwayLength', 'average', null, avg(exit_date - entry_date) from exits group by period
  union all select period, 'pathwayLength', 'median', null, percentile_cont(0.5) within group (order by exit_date - entry_date) from exits group by period
  union all select period, 'gender', coalesce(gender::text, 'UNKNOWN'), null, count(*) from entries group by 1, 3
  union all select period, 'ageBand', case when age < 26 then 'UNDER_26' when age < 45 then 'FROM_26_TO_44' when age < 55 then 'FROM_45_TO_54' else 'FROM_55' end,
      null, count(*)
    from (select period, extract(year from age(entry_date, birth_date)) as age from entries) e group by 1, 3
  union all select period, 'education',
      case when education_level is null then 'UNKNOWN' when education_level <= 2 then 'ISCED_0_2' when education_level <= 4 then 'ISCED_3_4' else 'ISCED_5_8' end,
      null, count(*)
    from entries group by 1, 3
  union all select e.period, 'situation', v.key, null, count(*) filter (where v.holds)
    from entries e cross join lateral (values
      ('priorityDistrict', e.priority_district_code is not null),
      ('longTermUnemployed', e.employment_situation::text = 'LONG_TERM_UNEMPLOYED'),
      ('disability', e.disability::text = 'YES'),
      ('minimumIncome', e.minimum_income::text = 'YES')) v(key, holds)
   group by 1, 3
  union all select period, 'stagesStarted', category, null, sum(started) from stages group by 1, 3
  union all select period, 'stagesCompleted', category, null, sum(completed) from stages group by 1, 3
  union all select period, 'stagesByKind', code, case when p_locale = 'en' then label_en else label_fr end, sum(started) from stages group by 1, 3, 4 having sum(started) > 0
  union all select period, 'stagesByOperator', coalesce(operator_id::text, 'NONE'), operator_name, sum(started) from stages group by 1, 3, 4 having sum(started) > 0
  union all select period, 'appointments', kind, null, count(*) from held_appointments group by period, kind
  union all select period, 'appointments', 'inPerson', null, count(*) filter (where mode = 'IN_PERSON') from held_appointments group by period
  union all select period, 'appointments', 'attended', null, sum(attended) from held_appointments group by period
  union all select period, 'appointments', 'missed', null, sum(missed) from held_appointments group by period
  union all select period, 'jobExitsByFamily', coalesce(left(rome_code, 1), 'UNKNOWN'), null, count(*) from job_exits group by 1, 3
  union all select period, 'jobExitsByContract', exit_kind, null, count(*) from job_exits group by 1, 3
  -- The current period's ten first employers, and the same employers in the previous period.
  union all select e.period, 'employers', e.employer, e.employer, e.n from employers e
   where e.employer in (select employer from employers where period = 'current' and place <= 10)
)
select period, figure, key, label, value::float8 from figures
$$;

revoke all on function jalon_activity_figures_of(p_tenants uuid[], p_referent uuid, p_organisation uuid, p_commune text, p_from date, p_to date, p_previous_from date, p_previous_to date, p_locale text) from public;
