import 'reflect-metadata';
import { loadConfig } from '../src/config';
import { openDatabase } from '../src/db/database';
import { buildServer } from '../src/server';
import { answerBench } from './server-probe';

/** Jalon as the bench runs it: production settings, on loopback, in a process of its own. */
async function main(): Promise<void> {
  const config = loadConfig({
    NODE_ENV: 'production',
    LOG_LEVEL: 'warn',
    HOST: '127.0.0.1',
    PORT: '0',
    DATABASE_URL: process.env.TEST_DATABASE_URL!,
    DATABASE_MIGRATION_URL: process.env.TEST_DATABASE_MIGRATION_URL!,
    DATABASE_POOL_MAX: process.env.BENCH_POOL ?? '8',
    LOGIN_MAX_FAILURES_PER_IP: '1000',
  });
  const database = await openDatabase(config, { info: () => undefined });
  const app = await buildServer(config, database);
  await app.listen({ host: '127.0.0.1', port: 0 });
  const address = app.server.address();
  answerBench(require.resolve('@mikro-orm/postgresql'), typeof address === 'object' && address ? address.port : 0);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
