import { applyRlsSettings, beginRequestTransaction, type RlsSettings } from '../access/request-transaction';
import type { TestServer } from './test-server';

/**
 * Runs `sql` as a request does (the application role, the request's settings) and rolls it back:
 * what row-level security alone lets that request read or write, whatever the API would ask.
 */
export async function sqlAsRequest<T extends object>(server: TestServer, settings: RlsSettings, sql: string): Promise<T[]> {
  const em = server.database.orm.em.fork();
  await beginRequestTransaction(em);
  try {
    await applyRlsSettings(em, { now: new Date(), ...settings });
    return await em.execute<T[]>(sql);
  } finally {
    await em.rollback();
  }
}
