import { createHash } from 'node:crypto';
import { type EntityManager, type Knex, raw } from '@mikro-orm/postgresql';
import { arrayLiteral } from './array-literal';

/**
 * Runs one of a request's hot statements with bind parameters (`?` becomes `$1`, `$2`…), on the
 * request's transaction connection when there is one, and returns its rows. MikroORM's
 * `em.execute` writes every value into the statement's text instead: quoting a page's 70 ids cost
 * 0.6 MB, and a statement whose text changes with its values is planned again at each call (2 to
 * 4 ms of PostgreSQL per request, issue 15). Here the text depends only on the query's shape, so
 * it is sent as a named prepared statement (named after its text): node-postgres parses it once
 * per connection, and PostgreSQL reuses its plan. Row-level security still applies to every
 * execution: the policies read the transaction's settings when run, and a cached plan is planned
 * again when the role differs from the one it was made for. An embedded PGlite (one connection)
 * ignores the name and binds the values the same way.
 *
 * Dates are sent as ISO strings (with their offset), so no timezone setting can shift them.
 */
export async function boundRows<T>(em: EntityManager, sql: string, params: readonly unknown[] = []): Promise<T[]> {
  const knex = em.getTransactionContext<Knex.Transaction>() ?? em.getKnex();
  const values = params.map((value) => (value instanceof Date ? value.toISOString() : value));
  const result: { rows: T[] } = await knex.raw(sql, values as Knex.RawBinding[]).options({ name: statementName(sql) });
  return result.rows;
}

/** A prepared statement's name: the same text always gets the same name, and two texts never share one (PostgreSQL keeps 63 bytes). */
function statementName(sql: string): string {
  return `jalon_${createHash('sha256').update(sql).digest('base64url')}`;
}

/**
 * An ORM condition on a uuid column, `column = any($n::uuid[])`: the whole list is one bound
 * value, so the statement's text does not grow (and is not planned again) with the list's length,
 * as `$in`'s `in (?, ?, …)` does. The value is an array literal, so the condition reads the same
 * when MikroORM writes it into the text of an entity query.
 */
export function anyUuid(ids: readonly string[]): UuidCondition {
  return raw<object, UuidCondition>('any(?::uuid[])', [arrayLiteral(ids)]);
}

/** A raw fragment stands in the ORM's conditions where the column's value would (MikroORM's `raw()` is typed so). */
export type UuidCondition = string;
