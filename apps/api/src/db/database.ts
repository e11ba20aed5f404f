import fs from 'node:fs';
import { MikroORM, type EntityManager, type Options } from '@mikro-orm/postgresql';
import { APP_ROLE } from '../access/app-role';
import type { Config } from '../config';
import { embeddedOrm, openEmbeddedDatabase } from './embedded-database';
import { syncMatchingReference } from './matching-reference';
import { baseOrmOptions } from './orm-options';
import { statementsRideOnBegin } from './begin-transaction';
import { oneStatementAtATime } from './one-statement-at-a-time';
import { seedDemoData } from './seed/demo-data';

export interface Database {
  orm: MikroORM;
  /** Which database runs underneath, for logs and the README's promise of "same both ways". */
  kind: 'postgresql' | 'pglite';
  close(): Promise<void>;
}

type Logger = { info(obj: object, msg: string): void };

async function migrateAndSeed(orm: MikroORM, config: Config, logger: Logger): Promise<void> {
  const applied = await orm.getMigrator().up();
  if (applied.length > 0) logger.info({ migrations: applied.map((m) => m.name) }, 'database migrated');
  if (await syncMatchingReference(orm.em.fork() as EntityManager)) logger.info({}, 'matching reference data loaded');
  if (config.SEED_DEMO && (await seedDemoData(orm.em.fork()))) {
    // A bulk load leaves the planner without statistics, and PGlite has no autovacuum to gather
    // them: a file's appointments took 3.9 s to plan through row-level security, 0.4 s after this.
    await orm.em.fork().execute('analyze');
    logger.info({}, 'demo data loaded');
  }
}

/** Whether the database answers (readiness): throws when it does not. */
export async function pingDatabase(orm: MikroORM): Promise<void> {
  await orm.em.fork().execute('select 1');
}

/**
 * A connection as the tables' owner, past row-level security, for maintenance commands (the
 * access-log check): the migration role on a PostgreSQL server, the superuser of an embedded PGlite.
 */
export async function openAsOwner(config: Config): Promise<MikroORM> {
  if (config.DATABASE_URL) {
    return MikroORM.init({ ...baseOrmOptions, clientUrl: config.DATABASE_MIGRATION_URL ?? config.DATABASE_URL, pool: { min: 0, max: 1 } } as Options);
  }
  const pglite = await openEmbeddedDatabase(config.DATA_DIR);
  return embeddedOrm(pglite);
}

/**
 * Opens the database the configuration names: a PostgreSQL server (migrated through the owner's
 * connection, used through the non-owner application role), or an embedded PGlite in DATA_DIR
 * (one connection; migrated as its superuser, then switched to the application role for good).
 * `memory://` as DATA_DIR keeps the embedded database in memory (tests).
 */
export async function openDatabase(config: Config, logger: Logger): Promise<Database> {
  const debug = config.LOG_LEVEL === 'trace';
  if (config.DATABASE_URL) {
    const owner = await MikroORM.init({
      ...baseOrmOptions,
      clientUrl: config.DATABASE_MIGRATION_URL ?? config.DATABASE_URL,
      pool: { min: 0, max: 1 },
      debug,
    } as Options);
    try {
      await migrateAndSeed(owner, config, logger);
    } finally {
      await owner.close();
    }
    const orm = await MikroORM.init({ ...baseOrmOptions, clientUrl: config.DATABASE_URL, pool: { min: 0, max: config.DATABASE_POOL_MAX }, debug } as Options);
    hookDialect(orm);
    return { orm, kind: 'postgresql', close: () => orm.close() };
  }

  if (!config.DATA_DIR.startsWith('memory://')) fs.mkdirSync(config.DATA_DIR, { recursive: true });
  const pglite = await openEmbeddedDatabase(config.DATA_DIR);
  const orm = await embeddedOrm(pglite, debug);
  hookDialect(orm);
  await migrateAndSeed(orm, config, logger);
  await pglite.exec(`set role ${APP_ROLE}`);
  return {
    orm,
    kind: 'pglite',
    close: async () => {
      await orm.close();
      await pglite.close();
    },
  };
}

/** How the API sends statements, on PostgreSQL as on PGlite: one at a time per connection, and a request's first one with its BEGIN. */
function hookDialect(orm: MikroORM): void {
  oneStatementAtATime(orm);
  statementsRideOnBegin(orm);
}
