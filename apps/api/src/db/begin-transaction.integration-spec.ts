import { afterAll, beforeAll, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../testing/test-server';
import { beginWith } from './begin-transaction';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());

it('runs a statement with its BEGIN, inside the transaction it begins', async () => {
  const em = server.database.orm.em.fork();
  // A transaction-local setting, as jalon_open_session() sets the request's: the statements after it read it.
  const rows = await beginWith<{ probe: string }>(em, `select set_config('jalon.probe', 'set with BEGIN', true) as probe`);
  const [after] = await em.execute<Array<{ probe: string }>>(`select current_setting('jalon.probe') as probe`);
  await em.commit();
  expect(rows).toEqual([{ probe: 'set with BEGIN' }]);
  expect(after).toEqual({ probe: 'set with BEGIN' });
});

it('leaves no connection inside a failed transaction when its statement fails', async () => {
  const orm = server.database.orm;
  // More rounds than the pool has connections (4): every connection a failure touched is handed out again.
  for (let round = 0; round < 6; round++) {
    await expect(beginWith(orm.em.fork(), 'select 1 / 0')).rejects.toThrow(/division by zero/);
    const em = orm.em.fork();
    expect(await beginWith(em, `select ${round} as round`)).toEqual([{ round }]);
    await em.commit();
  }
});
