import 'reflect-metadata';
import type { EntityManager } from '@mikro-orm/postgresql';
import { MikroORM, type Options } from '@mikro-orm/postgresql';
import type { FastifyInstance } from 'fastify';
import { loadConfig, type Config } from '../config';
import { openDatabase, type Database } from '../db/database';
import { baseOrmOptions } from '../db/orm-options';
import { buildServer, type ServerOptions } from '../server';

/**
 * A real server on a real database for integration tests: the PostgreSQL of TEST_DATABASE_URL
 * when set (CI), else an in-memory PGlite of its own. Demo data is loaded in both.
 */
export interface TestServer {
  app: FastifyInstance;
  database: Database;
  config: Config;
  /** Runs `work` as the tables' owner, past row-level security: for fixtures and for time travel. */
  asOwner<T>(work: (em: EntityManager) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

const quiet = { info: () => undefined };

export function testConfig(overrides: Record<string, string> = {}): Config {
  const url = process.env.TEST_DATABASE_URL;
  return loadConfig({
    NODE_ENV: 'test',
    LOG_LEVEL: 'silent',
    SEED_DEMO: 'true',
    PORT: '0',
    // Every file signs in from 127.0.0.1 on one database: the per-address limit would add up across
    // files and lock out whichever came last. Its own tests set it (auth.integration-spec.ts).
    LOGIN_MAX_FAILURES_PER_IP: '1000',
    ...(url
      ? { DATABASE_URL: url, DATABASE_MIGRATION_URL: process.env.TEST_DATABASE_MIGRATION_URL ?? url, DATABASE_POOL_MAX: '4' }
      : { DATA_DIR: 'memory://' }),
    ...overrides,
  });
}

export async function startTestServer(overrides: Record<string, string> = {}, options: ServerOptions = {}): Promise<TestServer> {
  const config = testConfig(overrides);
  const database = await openDatabase(config, quiet);
  const app = await buildServer(config, database, options);
  await app.ready();

  const owner = config.DATABASE_URL
    ? await MikroORM.init({ ...baseOrmOptions, clientUrl: config.DATABASE_MIGRATION_URL, pool: { min: 0, max: 1 } } as Options)
    : null;

  async function asOwner<T>(work: (em: EntityManager) => Promise<T>): Promise<T> {
    const em = (owner ?? database.orm).em.fork();
    em.setFilterParams('tenant', { tenantId: '00000000-0000-0000-0000-000000000000' });
    await em.begin();
    try {
      // PGlite has one connection, switched to the app role: go back to its superuser for this transaction.
      if (!owner) await em.execute('set local role none');
      const result = await work(em);
      await em.commit();
      return result;
    } catch (error) {
      await em.rollback();
      throw error;
    }
  }

  return {
    app,
    database,
    config,
    asOwner,
    close: async () => {
      await app.close();
      await owner?.close();
      await database.close();
    },
  };
}
