import { MikroORM, type Options } from '@mikro-orm/postgresql';
import { openDatabase } from '../db/database';
import { testConfig } from './test-server';
import { baseOrmOptions } from '../db/orm-options';

/**
 * With a real PostgreSQL (TEST_DATABASE_URL), start from an empty schema and migrate and seed it
 * once, before test files run in parallel. Without one, each file opens its own in-memory PGlite.
 * Every project on that database names this setup; the first to run it does the work for all, and
 * before the browser tests' server starts on the database.
 */
export default async function setup(): Promise<void> {
  if (!process.env.TEST_DATABASE_URL || process.env.JALON_TEST_DATABASE_READY) return;
  const config = testConfig();
  const owner = await MikroORM.init({ ...baseOrmOptions, clientUrl: config.DATABASE_MIGRATION_URL, pool: { min: 0, max: 1 } } as Options);
  await owner.em.execute('drop schema if exists public cascade; create schema public;');
  await owner.close();
  const database = await openDatabase(config, { info: () => undefined });
  await database.close();
  process.env.JALON_TEST_DATABASE_READY = 'true';
}
