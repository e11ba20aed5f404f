import { raw, type FilterQuery } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { Participant } from '../modules/participants/participant.entity';
import { OPEN_ESF_REJECTIONS } from '../modules/esf/esf-export.query';
import {
  ALERT_LOOKAHEAD_DAYS,
  CaseloadAlert,
  DAYS_WITHOUT_APPOINTMENT_ALERT,
  ESF_EXIT_WEEKS,
  FOLLOWED_STATUSES,
  PathwayStatus,
  REPORT_DUE_DAY,
  REQUIRED_ESF_ENTRY_FIELDS,
} from '@jalon/domain';
import { arrayLiteral } from './array-literal';

const ESF_COLUMNS: Record<(typeof REQUIRED_ESF_ENTRY_FIELDS)[number], string> = {
  gender: 'p.gender',
  birthDate: 'p.birth_date',
  employmentSituation: 'esf.employment_situation',
  educationLevel: 'esf.education_level',
  disability: 'esf.disability',
  thirdCountryNational: 'esf.third_country_national',
  foreignBackground: 'esf.foreign_background',
  minority: 'esf.minority',
  homeless: 'esf.homeless',
  ruralArea: 'esf.rural_area',
};

/** Today in France (the PLIE's working day) at the request's instant, whatever the server's time zone. */
export const TODAY = `(jalon_now() at time zone 'Europe/Paris')::date`;

const followed = `p.current_status in (${FOLLOWED_STATUSES.map((s) => `'${s}'`).join(', ')})`;

/**
 * Each caseload alert as one SQL condition on a participant `p` and its current pathway `cur`:
 * the same conditions show the alerts on a page and filter the caseload by alert, so both agree.
 */
const CONDITIONS: Record<CaseloadAlert, string> = {
  [CaseloadAlert.NO_RECENT_APPOINTMENT]: `${followed} and p.current_status <> '${PathwayStatus.IN_JOB_FOLLOW_UP}'
    and cur.referral_date <= ${TODAY} - ${DAYS_WITHOUT_APPOINTMENT_ALERT}
    and not exists (select 1 from appointment_attendee aa join appointment a on a.id = aa.appointment_id
                    where aa.participant_id = p.id and aa.attendance = 'PRESENT' and a.starts_at > jalon_now() - interval '${DAYS_WITHOUT_APPOINTMENT_ALERT} days')`,
  [CaseloadAlert.CONTRACT_REVIEW_DUE]: `p.current_status = '${PathwayStatus.ACTIVE}'
    and (select c.review_on from commitment_contract c where c.pathway_id = cur.id order by c.number desc limit 1) <= ${TODAY} + ${ALERT_LOOKAHEAD_DAYS}`,
  [CaseloadAlert.FOLLOW_UP_CHECK_IN_DUE]: `${followed}
    and exists (select 1 from follow_up_check_in f where f.pathway_id = cur.id and f.done_on is null and f.due_on <= ${TODAY} + ${ALERT_LOOKAHEAD_DAYS})`,
  // The items are in the pathway's esf_record (none yet: all missing).
  [CaseloadAlert.ESF_DATA_INCOMPLETE]: `${followed} and not exists (select 1 from esf_record esf where esf.pathway_id = cur.id and ${Object.values(ESF_COLUMNS)
    .map((column) => `${column} is not null`)
    .join(' and ')})`,
  // The exit questionnaire is collected within ESF_EXIT_WEEKS of leaving; after that the file asks for it, whatever its status.
  [CaseloadAlert.ESF_EXIT_MISSING]: `cur.exit_date is not null and cur.exit_date < ${TODAY} - ${ESF_EXIT_WEEKS * 7}
    and not exists (select 1 from esf_record esf where esf.pathway_id = cur.id and esf.exit_answered_on is not null)`,
  [CaseloadAlert.ESF_REJECTED]: `exists (select 1 from ${OPEN_ESF_REJECTIONS} r where r.pathway_id = cur.id)`,
  // Last month (in France) ran under the contract, its report was due by the REPORT_DUE_DAY-th, and none came.
  [CaseloadAlert.CONTRACT_REPORT_OVERDUE]: `${followed} and extract(day from ${TODAY}) > ${REPORT_DUE_DAY}
    and exists (select 1 from assisted_contract c join stage s on s.id = c.stage_id
                where s.pathway_id = cur.id
                  and c.start_on < date_trunc('month', ${TODAY})::date
                  and coalesce(c.ended_on, c.end_on, 'infinity'::date) >= (date_trunc('month', ${TODAY}) - interval '1 month')::date
                  and not exists (select 1 from contract_report r where r.contract_id = c.id and r.period = to_char(${TODAY} - interval '1 month', 'YYYY-MM')))`,
};

const ALERTS = Object.values(CaseloadAlert);

/** The alerts of a page of participants, in one statement (row-level security applies as to any query). */
export async function loadAlerts(em: EntityManager, participantIds: string[]): Promise<Map<string, CaseloadAlert[]>> {
  if (participantIds.length === 0) return new Map();
  const flags = ALERTS.map((alert, i) => `(${CONDITIONS[alert]}) as a${i}`).join(', ');
  const rows = await em.execute<Array<Record<string, boolean | string>>>(
    `select p.id, ${flags} from participant p ${CURRENT_PATHWAY} where p.id = any(?::uuid[])`,
    [arrayLiteral(participantIds)],
  );
  return new Map(rows.map((row) => [row.id as string, ALERTS.filter((_, i) => row[`a${i}`] === true)]));
}

/**
 * The caseload filtered by an alert, as a condition on the list's own query (alias `p`): the
 * database counts and pages the matching files itself, no id list comes through Node.
 */
export function withAlert(alert: CaseloadAlert): FilterQuery<Participant> {
  return { [raw((alias: string) => `(${alias}.id in (select p.id from participant p ${CURRENT_PATHWAY} where ${CONDITIONS[alert]}))`)]: true };
}

/** The SQL condition of an alert on a participant `p` and its current pathway `cur` (see CURRENT_PATHWAY). */
export function alertCondition(alert: CaseloadAlert): string {
  return CONDITIONS[alert];
}

/** Joins a participant `p` to its current pathway `cur` (the latest). */
export const CURRENT_PATHWAY = `join lateral (select pw.* from pathway pw where pw.participant_id = p.id order by pw.number desc limit 1) cur on true`;
