import type { EntityManager, Knex } from '@mikro-orm/postgresql';
import { simpleQuery, type DialectQuery } from './dialect-query';

/** What knex sends to end a transaction (knex/lib/execution/transaction.js: `commit`, `rollback`). */
const TRANSACTION_END = /^(COMMIT|ROLLBACK)\b/;

/**
 * Commits (or rolls back) the entity manager's transaction, then runs `statement` in the same round
 * trip: one simple-protocol text, `COMMIT; <statement>`, so the statement runs once the transaction
 * is over, on its own (PostgreSQL's implicit transaction of a single statement), and whatever lock it
 * takes lasts that statement only, never a round trip more. If the statement fails, this throws
 * (after the transaction's end, which stands). `statement` is text: its values are written in it
 * with `sqlLiteral`; null ends the transaction as usual.
 *
 * MikroORM commits through knex's transaction, which sends `COMMIT;` (or `ROLLBACK`) through the
 * transaction's own client; neither lets a statement ride along. So for this one end, the
 * transaction's client (an object knex makes for this transaction alone, `makeTxClient`) gets its
 * own `_query`, which appends the statement to the end's text and sends it as raw text, and is
 * restored right after: knex's bookkeeping (the transaction completed, its connection released)
 * and MikroORM's (flush before COMMIT, its transaction context cleared) run unchanged.
 */
export async function endTransactionThen(em: EntityManager, end: 'commit' | 'rollback', statement: string | null): Promise<void> {
  const done = () => (end === 'commit' ? em.commit() : em.rollback());
  const trx = statement && em.getTransactionContext<Knex.Transaction>();
  if (!trx) return done();
  const client = trx.client as unknown as DialectQuery;
  // The dialect's own, from the prototype: knex sets no `_query` on the transaction's client.
  const dialectQuery = client._query;
  let failure: unknown = null;
  client._query = (connection, query) => {
    if (!TRANSACTION_END.test(query.sql)) return dialectQuery.call(client, connection, query);
    return dialectQuery.call(client, connection, simpleQuery(`${query.sql.replace(/;?$/, ';')} ${statement}`)).catch((error) => {
      failure = error;
      throw error;
    });
  };
  try {
    await done();
  } finally {
    delete (client as Partial<DialectQuery>)._query;
  }
  // knex reports a failed ROLLBACK only through its transaction's promise, which MikroORM does not await.
  if (failure) throw failure;
}

/** A value written into a statement's text, for `endTransactionThen`: a string, quoted as PostgreSQL's `quote_literal` does. */
export function sqlLiteral(value: string | Date): string {
  const text = value instanceof Date ? value.toISOString() : value;
  const quoted = text.replace(/'/g, "''");
  return text.includes('\\') ? `E'${quoted.replace(/\\/g, '\\\\')}'` : `'${quoted}'`;
}
