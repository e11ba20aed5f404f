import { execFile } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MembershipRole } from '@jalon/domain';
import { parseGlobalId, toGlobalId } from '@jalon/api/src/graphql/relay';
import { Organisation } from '@jalon/api/src/modules/organisations/organisation.entity';
import { Membership } from '@jalon/api/src/modules/tenancy/membership.entity';
import { Tenant } from '@jalon/api/src/modules/tenancy/tenant.entity';
import { User } from '@jalon/api/src/modules/users/user.entity';
import { createTenantFixture, FIXTURE_PASSWORD, type TenantFixture } from '@jalon/api/src/testing/fixtures';
import { GraphqlClient } from '@jalon/api/src/testing/graphql-client';
import { startTestServer, type TestServer } from '@jalon/api/src/testing/test-server';

/**
 * PostgreSQL killed three times (`pg_ctl -m immediate`, as a crash would) under eight writers
 * booking appointments with idempotency keys and retrying until acknowledged. Afterwards every
 * acknowledged booking is in the database, none twice; while the database was down, readiness said
 * so and clients got a retryable SERVICE_UNAVAILABLE (503), never a bare 500; the API answered
 * again within 5 s of the database and never stopped.
 *
 * The suite runs its own cluster. It commits with synchronous_commit=on, as production must;
 * CRASH_SYNCHRONOUS_COMMIT=off shows the suite failing: acknowledged commits are then lost.
 */
const PG_BIN = ['/usr/lib/postgresql/15/bin', ...listPostgresBins()].find((dir) => fs.existsSync(path.join(dir, 'pg_ctl')));
const WRITERS = 8;
const CRASHES = 3;
const SYNCHRONOUS_COMMIT = process.env.CRASH_SYNCHRONOUS_COMMIT ?? 'on';

function listPostgresBins(): string[] {
  const root = '/usr/lib/postgresql';
  return fs.existsSync(root) ? fs.readdirSync(root).map((version) => path.join(root, version, 'bin')) : [];
}

if (!PG_BIN && process.env.CI === 'true') throw new Error('PostgreSQL server binaries (initdb, pg_ctl) are required in CI for the crash suite');
if (!PG_BIN) console.warn('database-crash: no PostgreSQL server binaries (initdb, pg_ctl) on this machine: suite skipped');

const run = promisify(execFile);
const asRoot = process.getuid?.() === 0;
let dir: string;
let port: number;

/** A PostgreSQL command as the cluster's owner (`initdb` refuses root). */
function pg(command: string, ...args: string[]) {
  const bin = path.join(PG_BIN!, command);
  return asRoot ? run('runuser', ['-u', 'postgres', '--', bin, ...args]) : run(bin, args);
}

const startCluster = () =>
  pg(
    'pg_ctl',
    '-D',
    `${dir}/data`,
    '-l',
    `${dir}/server.log`,
    '-w',
    '-o',
    // Only the process is killed, never the machine: fsync may stay off; the commit must still reach the WAL.
    `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=${SYNCHRONOUS_COMMIT}`,
    'start',
  );
const killCluster = () => pg('pg_ctl', '-D', `${dir}/data`, '-m', 'immediate', 'stop');

async function sql(query: string): Promise<string[][]> {
  const { stdout } = await run('psql', [
    '-h',
    '127.0.0.1',
    '-p',
    String(port),
    '-U',
    'postgres',
    '-d',
    'jalon',
    '-At',
    '-F',
    '\t',
    '-v',
    'ON_ERROR_STOP=1',
    '-c',
    query,
  ]);
  return stdout
    .split('\n')
    .filter(Boolean)
    .map((line) => line.split('\t'));
}

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const probe = net.createServer().listen(0, '127.0.0.1', () => {
      const { port: free } = probe.address() as net.AddressInfo;
      probe.close(() => resolve(free));
    });
  });
}

let server: TestServer;
let tenant: TenantFixture;
let cookie: string;
let url: string;
/** One referent per writer: each books in an agenda of its own, so the writers truly run side by side. */
let referentIds: string[];

beforeAll(async () => {
  if (!PG_BIN) return;
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'jalon-crash-'));
  if (asRoot) await run('chown', ['postgres:', dir]);
  port = await freePort();
  await pg('initdb', '-D', `${dir}/data`, '-U', 'postgres', '--auth=trust', '-E', 'UTF8', '--locale=C.UTF-8');
  await startCluster();
  await run('psql', [
    '-h',
    '127.0.0.1',
    '-p',
    String(port),
    '-U',
    'postgres',
    '-v',
    'ON_ERROR_STOP=1',
    '-c',
    'create role jalon login createrole bypassrls',
    '-c',
    'create role jalon_app login',
    '-c',
    'create database jalon owner jalon',
  ]);
  server = await startTestServer({
    DATABASE_URL: `postgres://jalon_app@127.0.0.1:${port}/jalon`,
    DATABASE_MIGRATION_URL: `postgres://jalon@127.0.0.1:${port}/jalon`,
    DATABASE_POOL_MAX: '10',
    SEED_DEMO: 'false',
    LOG_LEVEL: process.env.CRASH_LOG_LEVEL ?? 'silent',
  });
  tenant = await createTenantFixture(server, 'Crash');
  referentIds = await server.asOwner(async (em) => {
    const memberships = Array.from({ length: WRITERS }, (_, w) =>
      em.create(Membership, {
        tenant: em.getReference(Tenant, tenant.tenantId),
        user: em.create(User, { email: `writer-${w}-${tenant.tenantId}@test.jalon`, displayName: `Writer ${w}` }),
        organisation: em.getReference(Organisation, tenant.organisations.operator.id),
        role: MembershipRole.REFERENT,
      }),
    );
    await em.flush();
    return memberships.map((m) => toGlobalId('Membership', m.id));
  });
  const animation = new GraphqlClient(server.app);
  await animation.login(tenant.users.animation.email, FIXTURE_PASSWORD);
  cookie = animation.cookie!;
  await server.app.listen({ port: 0, host: '127.0.0.1' });
  url = `http://127.0.0.1:${(server.app.server.address() as net.AddressInfo).port}`;
}, 120_000);

afterAll(async () => {
  if (!PG_BIN) return;
  await server?.close();
  await killCluster().catch(() => undefined);
  fs.rmSync(dir, { recursive: true, force: true });
});

interface Answer {
  at: number;
  status: number;
  code?: unknown;
  retryAfter: string | null;
  data?: any;
}

async function graphql(query: string, variables: Record<string, unknown> = {}): Promise<Answer> {
  const response = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', cookie },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.json()) as { data?: any; errors?: Array<{ extensions?: { code?: unknown } }> };
  return {
    at: Date.now(),
    status: response.status,
    code: body.errors?.[0]?.extensions?.code,
    retryAfter: response.headers.get('retry-after'),
    data: body.data,
  };
}

const SCHEDULE = `mutation($input: ScheduleAppointmentInput!) { scheduleAppointment(input: $input) { id startsAt } }`;
const BASE = Date.parse('2027-01-04T08:00:00Z');

describe.skipIf(!PG_BIN)('PostgreSQL killed under write load', () => {
  it('loses no acknowledged write, duplicates none, and the API answers again within 5 s of the database', { timeout: 120_000 }, async () => {
    const participantIds: string[] = [];
    for (let w = 0; w < WRITERS; w++) {
      const created = await graphql(
        `
          mutation ($input: CreateParticipantInput!) {
            createParticipant(input: $input) {
              id
            }
          }
        `,
        {
          input: { details: { firstName: 'Panne', lastName: `Écrivain${'abcdefgh'[w]}`, birthDate: '1985-03-03' }, referentId: referentIds[w] },
        },
      );
      participantIds.push(created.data.createParticipant.id);
    }

    let stopping = false;
    const acknowledged = new Map<string, { id: string; startsAt: string }>();
    const failures: Answer[] = [];

    // Each writer books its own slots, one after the other, and retries each with the same key until acknowledged.
    async function writer(w: number): Promise<void> {
      for (let i = 0; !stopping; i++) {
        const startsAt = new Date(BASE + (i * WRITERS + w) * 3_600_000);
        const input = {
          kind: 'INDIVIDUAL',
          mode: 'PHONE',
          referentId: referentIds[w],
          participantIds: [participantIds[w]],
          startsAt: startsAt.toISOString(),
          endsAt: new Date(startsAt.getTime() + 1_800_000).toISOString(),
          idempotencyKey: `crash-${w}-${i}`,
        };
        for (;;) {
          const answer = await graphql(SCHEDULE, { input }).catch(
            (error: Error) => ({ at: Date.now(), status: 0, code: error.message, retryAfter: null }) as Answer,
          );
          if (answer.status === 200 && answer.data?.scheduleAppointment) {
            acknowledged.set(input.idempotencyKey, answer.data.scheduleAppointment);
            break;
          }
          failures.push(answer);
          await sleep(50);
        }
      }
    }

    // Readiness and a read, probed all along.
    const readiness: Array<{ at: number; sentAt: number; status: number }> = [];
    const reads: Answer[] = [];
    async function prober(): Promise<void> {
      while (!stopping) {
        const sentAt = Date.now();
        const ready = await fetch(`${url}/readyz`).then(
          (r) => r.status,
          () => 0,
        );
        readiness.push({ sentAt, at: Date.now(), status: ready });
        reads.push(
          await graphql(`
            {
              me {
                user {
                  email
                }
              }
            }
          `),
        );
        await sleep(25);
      }
    }

    const running = [...Array.from({ length: WRITERS }, (_, w) => writer(w)), prober()];
    const outages: Array<{ down: number; restarting: number; up: number; recovered: number }> = [];
    for (let crash = 0; crash < CRASHES; crash++) {
      await sleep(2500);
      await killCluster();
      const down = Date.now();
      await sleep(1000);
      // The database may accept connections before pg_ctl notices: "down" ends when the restart begins.
      const restarting = Date.now();
      await startCluster(); // -w: returns once the database accepts connections
      const up = Date.now();
      const deadline = up + 10_000;
      while (!reads.some((r) => r.at > up && r.status === 200 && r.data?.me) && Date.now() < deadline) await sleep(10);
      const recovered = reads.find((r) => r.at > up && r.status === 200 && r.data?.me)?.at ?? Infinity;
      outages.push({ down, restarting, up, recovered });
    }
    await sleep(1000);
    stopping = true;
    await Promise.all(running);

    const found = new Set((await sql(`select id from appointment where tenant_id = '${tenant.tenantId}'`)).map(([id]) => id));
    // Each slot was booked under one key only: two appointments at one time are a write done twice.
    const [[rowCount, slotCount]] = (await sql(`select count(*), count(distinct starts_at) from appointment where tenant_id = '${tenant.tenantId}'`)) as [
      [string, string],
    ];
    const lost = [...acknowledged.values()].filter(({ id }) => !found.has(parseGlobalId(id, 'Appointment')?.id ?? ''));
    const counts = {
      synchronousCommit: SYNCHRONOUS_COMMIT,
      acknowledged: acknowledged.size,
      found: acknowledged.size - lost.length,
      lost: lost.length,
      duplicates: Number(rowCount) - Number(slotCount),
      recoveryMs: outages.map((o) => o.recovered - o.up),
      failedAttempts: failures.length,
    };
    console.info('database-crash:', JSON.stringify(counts));

    expect(counts.acknowledged).toBeGreaterThan(50);
    expect(counts.lost).toBe(0);
    expect(counts.duplicates).toBe(0);
    for (const recovery of counts.recoveryMs) expect(recovery).toBeLessThan(5000);
    // While the database was down, readiness said so every time it was asked.
    for (const { down, restarting } of outages) {
      const during = readiness.filter((r) => r.sentAt > down && r.at < restarting);
      expect(during.length).toBeGreaterThan(0);
      expect(during.every((r) => r.status === 503)).toBe(true);
    }
    // Refusals said "temporary, retry" the way clients understand: never a bare 500.
    expect(failures.length).toBeGreaterThan(0);
    expect(new Set(failures.map((f) => `${f.status} ${String(f.code)} retry-after=${f.retryAfter !== null}`))).toEqual(
      new Set(['503 SERVICE_UNAVAILABLE retry-after=true']),
    );
    // The API process served throughout, and still does, with every connection back in its pool.
    expect(server.app.server.listening).toBe(true);
    const pool = (server.database.orm.em.getConnection() as unknown as { getKnex(): { client: { pool: { numUsed(): number } } } }).getKnex().client.pool;
    expect(pool.numUsed()).toBe(0);
    expect(
      (
        await graphql(`
          {
            me {
              user {
                email
              }
            }
          }
        `)
      ).data.me.user.email,
    ).toBe(tenant.users.animation.email);
  });
});
