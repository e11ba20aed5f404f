import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { PGlite } from '@electric-sql/pglite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../testing/test-server';
import { openEmbeddedDatabase } from './embedded-database';

// Arrays as the reports and the retention run build them: a day not yet known is a NULL element.
const ARRAYS = `select array[null, '2025-03-31']::date[] as days,
                      array['NULL', null, 'a "quoted", one']::text[] as texts,
                      array[1, null]::int[] as numbers,
                      '{{1,NULL},{2,3}}'::int[] as nested,
                      array[null::boolean, true] as flags,
                      '{}'::date[] as "none"`;

// What node-postgres, the driver on a PostgreSQL server, returns for them.
const AS_NODE_POSTGRES_READS_THEM = {
  days: [null, '2025-03-31'],
  texts: ['NULL', null, 'a "quoted", one'],
  numbers: [1, null],
  nested: [
    [1, null],
    [2, 3],
  ],
  flags: [null, true],
  none: [],
};

describe('the embedded database reads values as node-postgres does', () => {
  let embedded: PGlite;
  let server: TestServer;
  beforeAll(async () => {
    [embedded, server] = await Promise.all([openEmbeddedDatabase('memory://'), startTestServer()]);
  });
  afterAll(async () => {
    await Promise.all([embedded?.close(), server?.close()]);
  });

  it('reads a NULL inside an array as null, and the word NULL in quotes as text', async () => {
    const [row] = (await embedded.query(ARRAYS)).rows;
    expect(row).toEqual(AS_NODE_POSTGRES_READS_THEM);
  });

  it('reads them the same through the database the server runs on', async () => {
    const [row] = await server.database.orm.em.fork().execute(ARRAYS);
    expect(row).toEqual(AS_NODE_POSTGRES_READS_THEM);
  });

  it('returns the arrays of an enum the migrations created as text, as node-postgres does, when reopened too', async () => {
    // PGlite learns the types that exist when it starts: reopening a data directory is what differs.
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'jalon-embedded-'));
    try {
      const first = await openEmbeddedDatabase(dataDir);
      await first.exec(`create type colour as enum ('red', 'blue')`);
      await first.close();
      const reopened = await openEmbeddedDatabase(dataDir);
      const [row] = (await reopened.query<{ colours: unknown }>(`select array['red', null]::colour[] as colours`)).rows;
      await reopened.close();
      expect(row?.colours).toBe('{red,NULL}');
    } finally {
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
