import http from 'node:http';
import { createWriteStream, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTenantFixture, FIXTURE_PASSWORD, type TenantFixture } from '../testing/fixtures';
import { GraphqlClient } from '../testing/graphql-client';
import { readSheet } from '../testing/list-export-client';
import { startTestServer, type TestServer } from '../testing/test-server';

/**
 * A long export streams: the server writes it page after page to the download, so what it holds
 * in memory does not grow with the number of rows. Measured for 1,000 rows and for 5,000 (the
 * server runs in the test's process), each file then opened back whole.
 */
setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

let server: TestServer;
let tenant: TenantFixture;
let animation: GraphqlClient;
let address: string;
const dir = mkdtempSync(join(tmpdir(), 'jalon-export-'));
const SMALL = 1_000;
const LARGE = 5_000;

beforeAll(async () => {
  server = await startTestServer();
  tenant = await createTenantFixture(server, 'Mémoire');
  // Generated in SQL: the rows are what is measured, not how they were made.
  await server.asOwner((em) =>
    em.execute(
      `with people as (
         select gen_random_uuid() as id, i, case when i < ? then 'Petite' else 'Grande' end as group_name from generate_series(0, ? - 1) i)
       insert into participant (id, created_at, tenant_id, first_name, last_name, search_key, birth_date, referent_id, current_status, updated_at)
       select id, now(), ?, 'Prénom' || i, group_name, lower(group_name) || ' prenom' || i, date '1980-01-01' + i % 9000, ?, 'ACTIVE', now() from people`,
      [SMALL, SMALL + LARGE, tenant.tenantId, tenant.users.referent.membershipId],
    ),
  );
  await server.asOwner((em) =>
    em.execute(
      `insert into pathway (id, created_at, tenant_id, participant_id, number, status, referral_date, entry_date)
       select gen_random_uuid(), now(), tenant_id, id, 1, 'ACTIVE', date '2026-01-05', date '2026-02-02' from participant where tenant_id = ?`,
      [tenant.tenantId],
    ),
  );
  animation = new GraphqlClient(server.app);
  await animation.login(tenant.users.animation.email, FIXTURE_PASSWORD);
  address = await server.app.listen({ port: 0, host: '127.0.0.1' });
}, 120_000);

afterAll(async () => {
  await server?.close();
  rmSync(dir, { recursive: true, force: true });
});

/**
 * Downloads the export over a real connection into a file, and measures the most the heap held
 * over its level before the export, garbage collected first: what the export keeps, not its
 * garbage. Measured as statements are sent to the database (knex's query event, in this process;
 * every third, as a collection takes time; a page of 100 rows takes three): as each page is read,
 * whatever is kept of the pages before is there, whether or not the event loop turned between.
 */
async function heapHeld(search: string, file: string): Promise<{ most: number; measures: number }> {
  gc();
  const before = process.memoryUsage().heapUsed;
  let statements = 0;
  let measures = 0;
  let most = 0;
  const measure = () => {
    if (statements++ % 3) return;
    gc();
    measures++;
    most = Math.max(most, process.memoryUsage().heapUsed - before);
  };
  const knex = server.database.orm.em.getConnection().getKnex();
  knex.on('query', measure);
  const query = new URLSearchParams({ variables: JSON.stringify({ filter: { search } }), filters: '[]' });
  try {
    await new Promise<void>((resolve, reject) => {
      http
        .get(`${address}/exports/participants.xlsx?${query}`, { headers: { cookie: animation.cookie! } }, (response) => {
          response.pipe(createWriteStream(file)).on('finish', resolve).on('error', reject);
          response.on('error', reject);
        })
        .on('error', reject);
    });
  } finally {
    knex.off('query', measure);
  }
  return { most, measures };
}

describe('a long export', () => {
  it('holds no more in memory for 5,000 rows than for 1,000, and writes them all', async () => {
    // The first export loads what any export needs once (writers, fonts, the query's plan): a dozen rows.
    await heapHeld('prenom999', join(dir, 'warm-up.xlsx'));
    const small = await heapHeld('Petite', join(dir, 'small.xlsx'));
    const large = await heapHeld('Grande', join(dir, 'large.xlsx'));
    console.log(`most heap held during the export: ${SMALL} rows ${(small.most / 1e6).toFixed(1)} MB, ${LARGE} rows ${(large.most / 1e6).toFixed(1)} MB`);
    // Measured all along the 50 pages: at least once every three.
    expect(large.measures).toBeGreaterThan(LARGE / 100 / 3);
    expect((await readSheet(readFileSync(join(dir, 'small.xlsx')))).rows).toHaveLength(SMALL);
    expect((await readSheet(readFileSync(join(dir, 'large.xlsx')))).rows).toHaveLength(LARGE);
    // Five times the rows: were they all read before writing, 4,000 more rows would be held at once
    // (some 6 MB here); streamed, a page is.
    expect(large.most - small.most).toBeLessThan(3e6);
  }, 120_000);
});
