import type { EntityManager } from '@mikro-orm/postgresql';
import type { PathwayStatus } from '@jalon/domain';

/**
 * The open referral of the person with this search key and birth date, if any (jalon_open_referral):
 * it may be another partner's, which the caller cannot read, so it is asked by name and birth date only.
 */
export async function openReferralOf(em: EntityManager, searchKey: string, birthDate: string): Promise<string | null> {
  const [row] = await em.execute<Array<{ id: string | null }>>('select jalon_open_referral(?, ?::date) as id', [searchKey, birthDate]);
  return row?.id ?? null;
}

/** Where the pathway each of these accepted referrals opened stands, by referral id (jalon_referral_pathway_statuses). */
export async function pathwayStatusesOfReferrals(em: EntityManager, referralIds: readonly string[]): Promise<Map<string, PathwayStatus>> {
  const rows = await em.execute<Array<{ referral_id: string; status: PathwayStatus }>>('select * from jalon_referral_pathway_statuses(?::uuid[])', [
    `{${referralIds.join(',')}}`,
  ]);
  return new Map(rows.map((row) => [row.referral_id, row.status]));
}
