import type { MikroORM } from '@mikro-orm/postgresql';

/** A statement as knex hands it to its dialect. */
export interface StatementText {
  sql: string;
  method?: string;
  bindings?: unknown[];
}

/** The part of knex's client that runs a statement on a connection (the pg and PGlite dialects). */
export interface DialectQuery {
  _query(connection: object, query: StatementText): Promise<{ response?: unknown }>;
}

/**
 * The dialect's prototype, where every statement knex runs passes: knex makes each transaction's
 * client from it, not from the ORM's client. The API's wrappers of `_query` are set there.
 */
export function dialectOf(orm: MikroORM): DialectQuery {
  return Object.getPrototypeOf(orm.em.getKnex().client) as DialectQuery;
}

/**
 * Text sent as one simple query, several statements allowed: `raw` with no bindings, which
 * node-postgres sends as a simple query and PGlite's dialect runs with `exec`. Its values are
 * written in it (sqlLiteral).
 */
export const simpleQuery = (sql: string): StatementText => ({ sql, method: 'raw', bindings: [] });
