import type { EntityManager } from '@mikro-orm/postgresql';
import { Attendance, AppointmentStatus, EsfAnswer, EmploymentSituation, JOB_EXITS, POSITIVE_EXITS, StageCategory, StageStatus } from '@jalon/domain';
import type { ComparedPeriods } from './report-engine';
import { PERIODS_CTE, type FigureRow, type ScopeCondition } from './report-engine.query';

const list = (values: readonly string[]) => values.map((v) => `'${v}'`).join(', ');

/** Stages that carry the job a person leaves for: its ROME trade, and its operator as the employer when no check-in names one. */
const JOB_CATEGORIES = [StageCategory.EMPLOYMENT, StageCategory.ASSISTED_JOB, StageCategory.INTEGRATION_ACTIVITY, StageCategory.BUSINESS_CREATION];

/**
 * Every figure of the activity report, for both periods, in one statement over every row in scope
 * (row-level security applies as to any query). Definitions, for the period [p_from, p_to], both
 * days included:
 * - a pathway counts once the person entered it (entry date set: accreditation granted);
 * - followed: a pathway entered on or before p_to and not exited before p_from (an exit on p_from
 *   still counts), counted by person;
 * - entries: pathways entered in the period; re-entries: of them, a person's second pathway or
 *   later (a new pathway only opens once the previous one ended);
 * - exits: pathways whose exit date falls in the period (an exit on the last day counts), by kind;
 *   pathway length: days from entry to exit of those exits;
 * - in-job follow-up: a person whose exit into a job (JOB_EXITS) was on or before p_to and less than
 *   six months before p_from; outcome at 6 months: the 6-month check-ins done in the period;
 * - profile at entry: the pathways entered in the period, with the situation recorded at entry and
 *   the age on the entry day; priority district: the file's current address;
 * - stages: started (actual start) and completed (status COMPLETED, actual end) in the period,
 *   cancelled stages never;
 * - appointments: held in the period (day in France) with at least one attendee in scope; missed:
 *   attendees in scope marked absent, excused or not;
 * - job exits: the job is the pathway's latest job stage started by the exit; the employer is the
 *   first one a follow-up check-in names, else that stage's operator.
 * The scope (whole PLIE, operator, referent, commune) is a condition on the person's file `p`; a
 * person who changed referent counts for her current referent, and for her current commune.
 */
function activityReportSql(scope: string): string {
  // The people in scope, as a condition on their file `p`: written out in each count over a large
  // table (stages, appointments) rather than read from the people CTE, so the planner sees the real
  // tables and joins them by hash instead of looking up a CTE's rows one by one.
  const inScope = `p.tenant_id = any(?::uuid[]) and (${scope})`;
  return `
with ${PERIODS_CTE},
people as (
  select p.id, p.gender, p.birth_date, p.priority_district_code from participant p where ${inScope}
),
pathways as (
  select pw.id, pw.participant_id, pw.number, pw.entry_date, pw.exit_date, pw.exit_kind::text as exit_kind, esf.employment_situation,
         esf.education_level, esf.disability, esf.minimum_income, people.gender, people.birth_date, people.priority_district_code
    from pathway pw join people on people.id = pw.participant_id left join esf_record esf on esf.pathway_id = pw.id
   where pw.entry_date is not null
),
entries as (select per.period, pw.* from periods per join pathways pw on pw.entry_date between per.p_from and per.p_to),
exits as (select per.period, pw.* from periods per join pathways pw on pw.exit_date between per.p_from and per.p_to),
job_exits as (
  select e.period, e.exit_kind, job.rome_code, coalesce(named.employer, job.operator_name) as employer
    from exits e
    left join lateral (
      select s.rome_code, o.name as operator_name from stage s join stage_kind k on k.id = s.kind_id left join organisation o on o.id = s.operator_id
       where s.pathway_id = e.id and k.category in (${list(JOB_CATEGORIES)}) and s.status <> '${StageStatus.CANCELLED}'
         and coalesce(s.actual_start, s.planned_start) <= e.exit_date
       order by coalesce(s.actual_start, s.planned_start) desc, s.id limit 1) job on true
    left join lateral (
      select c.employer from follow_up_check_in c where c.pathway_id = e.id and c.employer is not null order by c.months_after_exit limit 1) named on true
   where e.exit_kind in (${list(JOB_EXITS)})
),
stage_counts as (
  select per.period, s.kind_id, s.operator_id,
         count(*) filter (where s.actual_start between per.p_from and per.p_to) as started,
         count(*) filter (where s.status = '${StageStatus.COMPLETED}' and s.actual_end between per.p_from and per.p_to) as completed
    from periods per
    join stage s on s.status <> '${StageStatus.CANCELLED}'
     and (s.actual_start between per.p_from and per.p_to or s.actual_end between per.p_from and per.p_to)
    join pathway pw on pw.id = s.pathway_id and pw.entry_date is not null
    join participant p on p.id = pw.participant_id
   where ${inScope}
   group by per.period, s.kind_id, s.operator_id
),
stages as (
  select c.period, c.started, c.completed, k.code, k.category::text as category, k.label_fr, k.label_en, c.operator_id, o.name as operator_name
    from stage_counts c join stage_kind k on k.id = c.kind_id left join organisation o on o.id = c.operator_id
),
held_appointments as (
  select per.period, a.kind::text as kind, a.mode::text as mode,
         count(*) filter (where att.attendance = '${Attendance.PRESENT}') as attended,
         count(*) filter (where att.attendance in ('${Attendance.ABSENT}', '${Attendance.EXCUSED}')) as missed
    from periods per
    join appointment a on a.status = '${AppointmentStatus.HELD}' and (a.starts_at at time zone 'Europe/Paris')::date between per.p_from and per.p_to
    join appointment_attendee att on att.appointment_id = a.id
    join participant p on p.id = att.participant_id
   where ${inScope}
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
  union all select period, 'people', 'positiveExits', null, count(*) filter (where exit_kind in (${list(POSITIVE_EXITS)})) from exits group by period
  union all select per.period, 'people', 'inJobFollowUp', null, count(distinct pw.participant_id)
    from periods per join pathways pw on pw.exit_kind in (${list(JOB_EXITS)}) and pw.exit_date <= per.p_to and pw.exit_date > (per.p_from - interval '6 months')::date
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
      ('longTermUnemployed', e.employment_situation::text = '${EmploymentSituation.LONG_TERM_UNEMPLOYED}'),
      ('disability', e.disability::text = '${EsfAnswer.YES}'),
      ('minimumIncome', e.minimum_income::text = '${EsfAnswer.YES}')) v(key, holds)
   group by 1, 3
  union all select period, 'stagesStarted', category, null, sum(started) from stages group by 1, 3
  union all select period, 'stagesCompleted', category, null, sum(completed) from stages group by 1, 3
  union all select period, 'stagesByKind', code, case when ? = 'en' then label_en else label_fr end, sum(started) from stages group by 1, 3, 4 having sum(started) > 0
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
select period, figure, key, label, value::float8 as value from figures`;
}

/**
 * The activity report's figures, for the period and the one before, of the people in scope of
 * these tenants: the request's own PLIE (row-level security holds it there anyway); the bench
 * also counts every PLIE of its dataset at once, as a national total.
 */
export function activityReportRows(
  em: EntityManager,
  periods: ComparedPeriods,
  tenantIds: readonly string[],
  scope: ScopeCondition,
  locale: string,
): Promise<FigureRow[]> {
  // The scope's parameters, once for the people and once for each of the stages and appointments.
  const inScope = [`{${tenantIds.join(',')}}`, ...scope.params];
  return em.execute<FigureRow[]>(activityReportSql(scope.sql), [
    periods.current.from,
    periods.current.to,
    periods.previous.from,
    periods.previous.to,
    ...inScope,
    ...inScope,
    ...inScope,
    locale,
  ]);
}
