import type { EntityManager } from '@mikro-orm/postgresql';
import { DAYS_WITHOUT_APPOINTMENT_ALERT } from '@jalon/domain';

export interface AlertFacts {
  /** The person attended an appointment within the alert window, or was referred within it. */
  seenRecently: boolean;
  /** Review date of the latest contract of the current pathway. */
  reviewOn: string | null;
  /** Earliest follow-up check-in not yet done. */
  nextCheckInOn: string | null;
}

/**
 * The facts behind the caseload alerts, for a whole page of participants in one statement
 * (row-level security applies as to any query of the request).
 */
export async function loadAlertFacts(em: EntityManager, participantIds: string[]): Promise<Map<string, AlertFacts>> {
  if (participantIds.length === 0) return new Map();
  const rows = await em.execute<Array<{ id: string; seen_recently: boolean; review_on: string | null; next_check_in_on: string | null }>>(
    `select p.id,
       exists (select 1 from appointment_attendee aa join appointment a on a.id = aa.appointment_id
               where aa.participant_id = p.id and aa.attendance = 'PRESENT' and a.starts_at > now() - make_interval(days => ?))
         or cur.referral_date > current_date - ? as seen_recently,
       (select c.review_on::text from commitment_contract c where c.pathway_id = cur.id order by c.number desc limit 1) as review_on,
       (select min(f.due_on)::text from follow_up_check_in f where f.pathway_id = cur.id and f.done_on is null) as next_check_in_on
     from participant p
     join lateral (select pw.id, pw.referral_date from pathway pw where pw.participant_id = p.id order by pw.number desc limit 1) cur on true
     where p.id = any(?::uuid[])`,
    [DAYS_WITHOUT_APPOINTMENT_ALERT, DAYS_WITHOUT_APPOINTMENT_ALERT, `{${participantIds.join(',')}}`],
  );
  return new Map(rows.map((r) => [r.id, { seenRecently: r.seen_recently, reviewOn: r.review_on, nextCheckInOn: r.next_check_in_on }]));
}
