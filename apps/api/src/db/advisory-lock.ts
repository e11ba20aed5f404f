import type { EntityManager } from '@mikro-orm/postgresql';

/**
 * Holds a transaction-level advisory lock on a key until the transaction ends: requests that
 * check-then-write the same thing (e.g. a referent's free slots) then run one after the other.
 */
export async function lockForTransaction(em: EntityManager, key: string): Promise<void> {
  await em.execute('select pg_advisory_xact_lock(hashtextextended(?, 0))', [key]);
}
