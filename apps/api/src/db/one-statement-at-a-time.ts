import type { MikroORM } from '@mikro-orm/postgresql';
import { dialectOf, type DialectQuery } from './dialect-query';

const QUEUED = Symbol('one statement at a time');

/**
 * Sends each connection's statements one after the other. A request runs on one transaction
 * connection, and graphql resolves sibling fields concurrently: two of them then sent a statement
 * while another was running (a session's occupancy beside its archived files, a company's events
 * beside its clause hours). node-postgres queues them today and will refuse them from pg 9
 * (« Calling client.query() when the client is already executing a query »). The queue is kept
 * here, once, under every statement knex runs: the next one starts when the previous one has
 * answered, failed or not.
 */
export function oneStatementAtATime(orm: MikroORM): void {
  const dialect = dialectOf(orm) as DialectQuery & { [QUEUED]?: true };
  if (dialect[QUEUED]) return;
  const dialectQuery = dialect._query;
  // Per connection, when its last statement is over: not its result, which may be a page of rows.
  const idle = new WeakMap<object, Promise<void>>();
  dialect._query = function (this: DialectQuery, connection, query) {
    const previous = idle.get(connection);
    const run = previous ? previous.then(() => dialectQuery.call(this, connection, query)) : dialectQuery.call(this, connection, query);
    idle.set(
      connection,
      run.then(
        () => undefined,
        () => undefined,
      ),
    );
    return run;
  };
  dialect[QUEUED] = true;
}
