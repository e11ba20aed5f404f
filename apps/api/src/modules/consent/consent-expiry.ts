import type { MikroORM } from '@mikro-orm/postgresql';
import { inScopedTransaction } from '../../access/request-transaction';
import { expireConsents } from './consent.service';

export const EXPIRY_SWEEP_INTERVAL_MS = 60_000;

/**
 * Marks ended the consents past their date or whose pathway is closed, tenant by tenant, as the
 * application role with that tenant's row-level security (the decision already ignores them from
 * their last second; this records it and tells the partners). Returns how many ended.
 */
export async function sweepEndedConsents(orm: MikroORM, now: Date): Promise<number> {
  const tenants = await inScopedTransaction(orm.em, {}, (em) => em.execute<Array<{ id: string }>>('select jalon_tenants_with_ending_consents(?) as id', [now]));
  let ended = 0;
  for (const { id } of tenants) {
    ended += await inScopedTransaction(orm.em, { tenantId: id, staff: true, now }, (em) => expireConsents(em, now));
  }
  return ended;
}
