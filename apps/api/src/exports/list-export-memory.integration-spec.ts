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
 * Downloads the export over a real connection into a file, and halfway through stops reading for a
 * moment: the server, held back by the download, waits with what it holds. The heap is measured
 * then, after a collection, over its level before the export: what the export retains, not its garbage.
 */
async function retainedMidway(search: string, file: string): Promise<number> {
  gc();
  const before = process.memoryUsage().heapUsed;
  let retained = 0;
  const query = new URLSearchParams({ variables: JSON.stringify({ filter: { search } }), filters: '[]' });
  await new Promise<void>((resolve, reject) => {
    http
      .get(`${address}/exports/participants.xlsx?${query}`, { headers: { cookie: animation.cookie! } }, (response) => {
        const out = createWriteStream(file);
        let received = 0;
        let paused = false;
        response.on('data', (chunk: Buffer) => {
          out.write(chunk);
          received += chunk.length;
          if (!paused && received > 16 * 1024) {
            paused = true;
            response.pause();
            setTimeout(() => {
              gc();
              retained = process.memoryUsage().heapUsed - before;
              response.resume();
            }, 300);
          }
        });
        response.on('end', () => out.end(resolve));
        response.on('error', reject);
      })
      .on('error', reject);
  });
  return retained;
}

describe('a long export', () => {
  it('holds no more in memory for 5,000 rows than for 1,000, and writes them all', async () => {
    await retainedMidway('Petite', join(dir, 'warm-up.xlsx'));
    const small = await retainedMidway('Petite', join(dir, 'small.xlsx'));
    const large = await retainedMidway('Grande', join(dir, 'large.xlsx'));
    console.log(`heap held midway through the export: ${SMALL} rows ${(small / 1e6).toFixed(1)} MB, ${LARGE} rows ${(large / 1e6).toFixed(1)} MB`);
    // Both were paused midway: each file is larger than the point where reading stopped.
    expect(readFileSync(join(dir, 'small.xlsx')).length).toBeGreaterThan(32 * 1024);
    expect((await readSheet(readFileSync(join(dir, 'small.xlsx')))).rows).toHaveLength(SMALL);
    expect((await readSheet(readFileSync(join(dir, 'large.xlsx')))).rows).toHaveLength(LARGE);
    // Five times the rows: were they all read before writing, 4,000 more rows would be held; streamed, one page is.
    expect(large - small).toBeLessThan(3e6);
  }, 120_000);
});
