import { AsyncLocalStorage } from 'node:async_hooks';
import type { EntityManager, MikroORM } from '@mikro-orm/postgresql';
import { dialectOf, simpleQuery, type DialectQuery } from './dialect-query';

/** A statement to send with the next BEGIN of an entity manager, and what it answered. */
interface Rider {
  statement: string;
  sent?: boolean;
  rows?: unknown[];
  error?: unknown;
}

const riders = new AsyncLocalStorage<Rider>();
const RIDES = Symbol('statements ride on BEGIN');

/** The rows of the last result of a simple query of several statements, as node-postgres and PGlite give them. */
function lastRows(response: unknown): unknown[] {
  const results = Array.isArray(response) ? response : [response];
  return (results.at(-1) as { rows?: unknown[] } | undefined)?.rows ?? [];
}

/**
 * Lets a statement ride on a transaction's BEGIN (beginWith). MikroORM begins through knex, which
 * sends `BEGIN;` from a client it makes for the transaction once it has a connection, out of
 * reach of the caller: the dialect's `_query` is where that text passes, so it is wrapped there,
 * once, like db/one-statement-at-a-time.ts. It changes only a BEGIN sent while beginWith waits
 * for it (its AsyncLocalStorage), and only that once.
 */
export function statementsRideOnBegin(orm: MikroORM): void {
  const dialect = dialectOf(orm) as DialectQuery & { [RIDES]?: true };
  if (dialect[RIDES]) return;
  const dialectQuery = dialect._query;
  dialect._query = function (this: DialectQuery, connection, query) {
    const rider = query.sql === 'BEGIN;' ? riders.getStore() : undefined;
    if (!rider || rider.sent) return dialectQuery.call(this, connection, query);
    rider.sent = true;
    return dialectQuery.call(this, connection, simpleQuery(`BEGIN; ${rider.statement}`)).then(
      (result) => {
        rider.rows = lastRows(result.response);
        return result;
      },
      async (error: unknown) => {
        // BEGIN ran and the statement failed: the transaction is aborted, and knex would hand the
        // connection back to the pool inside it. End it here; a broken connection fails this too.
        await dialectQuery.call(this, connection, simpleQuery('ROLLBACK;')).catch(() => undefined);
        rider.error = error;
        throw error;
      },
    );
  };
  dialect[RIDES] = true;
}

/**
 * Begins the entity manager's transaction and runs `statement` in the same round trip, as the
 * transaction's first statement (`BEGIN; <statement>`, one simple-protocol text), and returns its
 * rows: a request's first statement costs no round trip of its own. `statement` is text: its
 * values are written in it with `sqlLiteral` (db/end-transaction.ts). If it fails, the
 * transaction is not begun and this throws.
 */
export async function beginWith<T>(em: EntityManager, statement: string): Promise<T[]> {
  const rider: Rider = { statement };
  await riders.run(rider, () => em.begin());
  // knex reports a failed BEGIN only through its transaction's promise, which MikroORM does not await.
  if (rider.error) throw rider.error;
  if (!rider.rows) throw new Error('beginWith: the transaction began without its statement (statementsRideOnBegin not installed)');
  return rider.rows as T[];
}
