import type { EntityManager } from '@mikro-orm/postgresql';
import { addMonths, FOLLOW_UP_CHECK_IN_MONTHS } from '@jalon/domain';
import type { Pathway } from '../participants/pathway.entity';
import { FollowUpCheckIn } from './follow-up-check-in.entity';

/** A positive exit into a job opens the follow-up: check-ins due 1, 3 and 6 months after the exit. */
export function scheduleCheckIns(em: EntityManager, pathway: Pathway, exitDate: string): void {
  for (const months of FOLLOW_UP_CHECK_IN_MONTHS) {
    em.create(FollowUpCheckIn, { tenant: pathway.tenant, pathway, monthsAfterExit: months, dueOn: addMonths(exitDate, months) });
  }
}

export function countPendingCheckIns(em: EntityManager, pathway: Pathway): Promise<number> {
  return em.count(FollowUpCheckIn, { pathway, doneOn: null });
}
