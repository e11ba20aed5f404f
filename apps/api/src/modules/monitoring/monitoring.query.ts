import type { EntityManager } from '@mikro-orm/postgresql';
import { ACTIVE_CASELOAD_STATUSES, AppointmentMode, Attendance, CaseloadAlert, RECENT_CONTACT_DAYS, rolesHolding } from '@jalon/domain';
import { alertCondition, CURRENT_PATHWAY, TODAY } from '../../db/caseload-alerts.query';
import { arrayLiteral } from '../../db/array-literal';

/** Who a row of figures is about: one referent (a membership), one operator (the referents' organisation) or the whole PLIE. */
export type MonitoringLevel = 'MEMBER' | 'ORGANISATION' | 'WHOLE';

/** The counts behind the monitoring figures of one referent, operator or PLIE (rates are computed from them). */
export interface MonitoringRow {
  level: MonitoringLevel;
  referentId: string | null;
  referentName: string | null;
  /** False for a referent deactivated since, shown while people or last year's appointments are still hers. */
  active: boolean;
  organisationId: string | null;
  organisationName: string | null;
  referents: number;
  activeCaseload: number;
  entries: number;
  contactUnder30: number;
  contact31To60: number;
  contactOver60: number;
  contacts: number;
  inPersonContacts: number;
  filesWithAlert: number;
}

const list = (values: readonly string[]) => values.map((v) => `'${v}'`).join(', ');
const ATTENDED = `aa.attendance = '${Attendance.PRESENT}' and a.starts_at <= jalon_now()`;
const ANY_ALERT = Object.values(CaseloadAlert)
  .map((alert) => `(${alertCondition(alert)})`)
  .join(' or ');

/**
 * The referents' monitoring, counted in SQL over every row in one statement, one row per referent,
 * per operator and for the PLIE (grouping sets). Row-level security applies as to any query; who
 * may read whose figures is decided before (access/monitoring-access.ts). The referents are the
 * memberships holding a caseload (capability holdCaseload), active or deactivated since while
 * people are still theirs or their last year's appointments count; `referentId` null: all of them.
 * Definitions (also shown to users):
 * - active caseload: the referent's people whose current pathway is pending accreditation, active
 *   or suspended (ACTIVE_CASELOAD_STATUSES), today;
 * - entries: pathways entered (entry date) in the last 12 months, counted for the person's referent
 *   today (a person who changed referent counts for the new one);
 * - contact bands, over the active caseload: last attended appointment within 30 days; neither
 *   that nor over 60 days; over 60 days = the NO_RECENT_APPOINTMENT alert (no attended appointment
 *   for 60 days, counted from the referral when never met), so the drill-down lists exactly them;
 * - contacts: attendances (a person present) at appointments in the referent's agenda over the last
 *   12 months, individual or collective; in person: those whose mode is IN_PERSON;
 * - files with an alert: the referent's people showing at least one caseload alert.
 */
export async function monitoringRows(em: EntityManager, referentId: string | null): Promise<MonitoringRow[]> {
  return em.execute<MonitoringRow[]>(
    `with referents as (
      select m.id, m.organisation_id, u.display_name, o.name as organisation_name, m.active
      from membership m join app_user u on u.id = m.user_id join organisation o on o.id = m.organisation_id
      where m.tenant_id = jalon_tenant_id() and m.role::text = any(?::text[]) and (?::uuid is null or m.id = ?::uuid)
        -- A referent deactivated since stays while people are still hers or her last year's appointments count.
        and (m.active or exists (select 1 from participant p where p.referent_id = m.id)
             or exists (select 1 from appointment a where a.referent_id = m.id and a.starts_at > jalon_now() - interval '12 months'))
    ),
    files as (
      select p.referent_id,
        p.current_status in (${list(ACTIVE_CASELOAD_STATUSES)}) as active,
        (${alertCondition(CaseloadAlert.NO_RECENT_APPOINTMENT)}) as over60,
        exists (select 1 from appointment_attendee aa join appointment a on a.id = aa.appointment_id
                where aa.participant_id = p.id and ${ATTENDED} and a.starts_at > jalon_now() - interval '${RECENT_CONTACT_DAYS} days') as recent,
        (${ANY_ALERT}) as alerted
      from participant p ${CURRENT_PATHWAY}
      where p.referent_id in (select id from referents)
    ),
    entries as (
      select p.referent_id, count(*) as entries
      from pathway pw join participant p on p.id = pw.participant_id
      where pw.entry_date > ${TODAY} - interval '12 months' and pw.entry_date <= ${TODAY} and p.referent_id in (select id from referents)
      group by p.referent_id
    ),
    contacts as (
      select a.referent_id, count(*) as contacts, count(*) filter (where a.mode = '${AppointmentMode.IN_PERSON}') as in_person
      from appointment a join appointment_attendee aa on aa.appointment_id = a.id
      where ${ATTENDED} and a.starts_at > jalon_now() - interval '12 months' and a.referent_id in (select id from referents)
      group by a.referent_id
    ),
    per_referent as (
      select r.id, r.display_name, r.organisation_id, r.organisation_name, r.active,
        count(*) filter (where f.active) as active_caseload,
        count(*) filter (where f.active and f.recent and not f.over60) as under30,
        count(*) filter (where f.active and not f.recent and not f.over60) as between30and60,
        count(*) filter (where f.active and f.over60) as over60,
        count(*) filter (where f.alerted) as files_with_alert,
        coalesce(max(e.entries), 0) as entries, coalesce(max(c.contacts), 0) as contacts, coalesce(max(c.in_person), 0) as in_person
      from referents r left join files f on f.referent_id = r.id
        left join entries e on e.referent_id = r.id left join contacts c on c.referent_id = r.id
      group by r.id, r.display_name, r.organisation_id, r.organisation_name, r.active
    )
    select case when grouping(organisation_id) = 1 then 'WHOLE' when grouping(id) = 1 then 'ORGANISATION' else 'MEMBER' end as level,
      id as "referentId", display_name as "referentName", grouping(id) = 1 or bool_and(active) as active, organisation_id as "organisationId", organisation_name as "organisationName",
      count(*) filter (where active)::int as referents, sum(active_caseload)::int as "activeCaseload", sum(entries)::int as entries,
      sum(under30)::int as "contactUnder30", sum(between30and60)::int as "contact31To60", sum(over60)::int as "contactOver60",
      sum(contacts)::int as contacts, sum(in_person)::int as "inPersonContacts", sum(files_with_alert)::int as "filesWithAlert"
    from per_referent
    group by grouping sets ((id, display_name, organisation_id, organisation_name), (organisation_id, organisation_name), ())
    order by grouping(organisation_id) desc, organisation_name, grouping(id) desc, display_name`,
    [arrayLiteral(rolesHolding('holdCaseload')), referentId, referentId],
  );
}
