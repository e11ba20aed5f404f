import type { EntityManager } from '@mikro-orm/postgresql';
import type { ReferralStatus } from '@jalon/domain';
import { arrayLiteral } from './array-literal';
import { boundRows } from './bound-statement';

/** An organisation's submission of a referral, as a meeting's agenda reads it: the person as it typed them, and when. */
export interface OwnSubmissionRow {
  referralId: string;
  createdAt: Date;
  firstName: string;
  lastName: string;
  status: ReferralStatus;
}

/** An organisation's own submissions of these referrals (what it typed, and when), as plain rows. */
export async function submissionsOfOrganisation(em: EntityManager, referralIds: readonly string[], organisationId: string): Promise<OwnSubmissionRow[]> {
  if (!referralIds.length) return [];
  // The timestamp as the driver gives it: a string through node-postgres (MikroORM's type parsers), a Date through PGlite.
  const rows = await boundRows<Omit<OwnSubmissionRow, 'createdAt'> & { createdAt: string | Date }>(
    em,
    `select referral_id as "referralId", created_at as "createdAt", first_name as "firstName", last_name as "lastName", status
       from referral_submission where referral_id = any(?::uuid[]) and organisation_id = ?`,
    [arrayLiteral(referralIds), organisationId],
  );
  return rows.map((row) => Object.assign(row, { createdAt: new Date(row.createdAt) }));
}
