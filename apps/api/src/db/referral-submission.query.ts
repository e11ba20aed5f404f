import type { EntityManager } from '@mikro-orm/postgresql';
import { ReferralSubmission } from '../modules/referrals/referral.entity';

/** An organisation's own submissions of these referrals (what it typed, and when). */
export function submissionsOfOrganisation(em: EntityManager, referralIds: readonly string[], organisationId: string): Promise<ReferralSubmission[]> {
  return referralIds.length ? em.find(ReferralSubmission, { referral: { $in: [...referralIds] }, organisation: organisationId }) : Promise.resolve([]);
}
