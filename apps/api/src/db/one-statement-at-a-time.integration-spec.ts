import { afterAll, beforeAll, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../testing/test-server';
import { boundRows } from './bound-statement';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());

it('runs the statements a request sends at once one after the other, as node-postgres 9 will require', async () => {
  const warnings: string[] = [];
  const warned = (warning: Error) => warnings.push(warning.message);
  process.on('warning', warned);
  try {
    const em = server.database.orm.em.fork();
    // Three at once: node-postgres warns when a statement waits behind another that has not started.
    const [first, second, third] = await em.transactional((tem) =>
      Promise.all(
        [1, 2, 3].map((n) =>
          boundRows<{ started: string; ended: string }>(
            tem,
            `select statement_timestamp()::text as started, pg_sleep(0.02), clock_timestamp()::text as ended, ?::int`,
            [n],
          ),
        ),
      ),
    );
    // Each was sent once the one before had answered, in the order they were asked.
    expect(new Date(second![0]!.started).getTime()).toBeGreaterThanOrEqual(new Date(first![0]!.ended).getTime());
    expect(new Date(third![0]!.started).getTime()).toBeGreaterThanOrEqual(new Date(second![0]!.ended).getTime());
    await new Promise((resolve) => setImmediate(resolve));
  } finally {
    process.off('warning', warned);
  }
  expect(warnings.filter((message) => message.includes('already executing a query'))).toEqual([]);
});
