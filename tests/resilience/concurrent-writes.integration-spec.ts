import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseGlobalId } from '@jalon/api/src/graphql/relay';
import { createTenantFixture, FIXTURE_PASSWORD, type TenantFixture } from '@jalon/api/src/testing/fixtures';
import { GraphqlClient } from '@jalon/api/src/testing/graphql-client';
import { startTestServer, type TestServer } from '@jalon/api/src/testing/test-server';

/**
 * Writes racing each other, on the database of the run (PostgreSQL in CI, where requests truly
 * overlap; the embedded PGlite has one connection, so there they queue). A request is made slow,
 * where a test needs it in flight, by a trigger that sleeps on one table for this test's tenant only.
 */
let server: TestServer;
let tenant: TenantFixture;
let referent: GraphqlClient;
let partner: GraphqlClient;
const triggers: string[] = [];

beforeAll(async () => {
  server = await startTestServer();
  tenant = await createTenantFixture(server, 'Races');
  referent = new GraphqlClient(server.app);
  await referent.login(tenant.users.referent.email, FIXTURE_PASSWORD);
  partner = new GraphqlClient(server.app);
  await partner.login(tenant.users.partner.email, FIXTURE_PASSWORD);
});
afterAll(async () => {
  await server.asOwner(async (em) => {
    for (const name of triggers) await em.execute(`drop function ${name}() cascade`);
  });
  await server.close();
});

/** Every insert into `table` for this test's tenant sleeps first, inside the inserting transaction. */
async function slowInserts(table: string, seconds: number): Promise<void> {
  const name = `test_slow_${table}_${tenant.tenantId.replaceAll('-', '').slice(0, 12)}`;
  triggers.push(name);
  await server.asOwner(async (em) => {
    await em.execute(`create function ${name}() returns trigger language plpgsql as $$ begin perform pg_sleep(${seconds}); return new; end $$`);
    await em.execute(`create trigger ${name} before insert on ${table} for each row when (new.tenant_id = '${tenant.tenantId}') execute function ${name}()`);
  });
}

let people = 0;
async function person(): Promise<{ id: string; version: number }> {
  people++;
  const { createParticipant } = await referent.data(`mutation($input: CreateParticipantInput!) { createParticipant(input: $input) { id version } }`, {
    input: { details: { firstName: 'Course', lastName: `Essai${'abcdefghij'[people % 10]}${people}`, birthDate: '1988-07-09' } },
  });
  return createParticipant;
}

describe('writes racing each other', () => {
  it('a retry sent while its first attempt is still running gets that attempt’s answer, not « créneau déjà pris »', async () => {
    const { id } = await person();
    await slowInserts('idempotency_key', 0.6);
    const SCHEDULE = `mutation($input: ScheduleAppointmentInput!) { scheduleAppointment(input: $input) { id startsAt attendees { participantId } } }`;
    const input = {
      kind: 'INDIVIDUAL',
      mode: 'PHONE',
      participantIds: [id],
      startsAt: '2026-12-16T09:00:00+01:00',
      endsAt: '2026-12-16T10:00:00+01:00',
      idempotencyKey: 'overlapping-retry-1',
    };
    const first = referent.request(SCHEDULE, { input });
    await sleep(200); // the first attempt has booked the slot and is recording its key, not yet committed
    const retry = referent.request(SCHEDULE, { input });
    const [answer, replay] = await Promise.all([first, retry]);
    expect(answer.errors).toBeUndefined();
    expect(replay.errors).toBeUndefined();
    expect(replay.data).toEqual(answer.data);
    const booked = await server.asOwner((em) =>
      em.execute(`select count(*)::int as n from appointment_attendee where participant_id = ?`, [parseGlobalId(id, 'Participant')!.id]),
    );
    expect(booked[0]!.n).toBe(1);
  });

  it('five clients saving the same version at once: exactly one wins, the four others get CONFLICT', async () => {
    const { id, version } = await person();
    const UPDATE = `mutation($input: UpdateParticipantInput!) { updateParticipant(input: $input) { version firstName } }`;
    const answers = await Promise.all(
      ['Ana', 'Bea', 'Cleo', 'Dora', 'Eva'].map((firstName) =>
        referent.request(UPDATE, { input: { id, version, details: { firstName, lastName: 'Concurrente', birthDate: '1988-07-09' } } }),
      ),
    );
    const won = answers.filter((a) => !a.errors);
    expect(won).toHaveLength(1);
    expect(answers.filter((a) => a.errors).map((a) => a.errors![0]!.extensions!.code)).toEqual(['CONFLICT', 'CONFLICT', 'CONFLICT', 'CONFLICT']);
    const now = await referent.data(`query($id: ID!) { participant(id: $id) { version firstName } }`, { id });
    expect(now.participant).toEqual(won[0]!.data!.updateParticipant);
    expect(now.participant.version).toBe(version + 1);
  });

  it('a client that hangs up mid-mutation leaves the referral whole or absent, never half written', async () => {
    await slowInserts('referral_submission', 0.8);
    await server.app.listen({ port: 0, host: '127.0.0.1' });
    const { port } = server.app.server.address() as AddressInfo;
    const body = JSON.stringify({
      query: `mutation($input: SubmitReferralInput!) { submitReferral(input: $input) { id } }`,
      variables: {
        input: {
          details: { firstName: 'Coupure', lastName: 'Réseau', birthDate: '1993-01-14' },
          situation: 'Sans emploi.',
          reason: 'Souhaite un accompagnement.',
          agreementMethod: 'SIGNED_FORM',
          agreedOn: '2026-11-20',
        },
      },
    });
    const request = http.request({
      host: '127.0.0.1',
      port,
      method: 'POST',
      path: '/graphql',
      headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body), cookie: partner.cookie! },
    });
    const hungUp = new Promise<void>((resolve) => request.on('error', () => resolve()));
    request.end(body);
    await sleep(300); // the referral row is written, its submission is being inserted
    request.destroy();
    await hungUp;
    await sleep(1200); // whatever the server does with the request, it is done by now

    const rows = await server.asOwner((em) =>
      em.execute(
        `select (select count(*)::int from referral where tenant_id = ? and last_name = 'Réseau') as referrals,
                (select count(*)::int from referral_submission s join referral r on r.id = s.referral_id where r.tenant_id = ? and r.last_name = 'Réseau') as submissions`,
        [tenant.tenantId, tenant.tenantId],
      ),
    );
    expect([
      { referrals: 0, submissions: 0 },
      { referrals: 1, submissions: 1 },
    ]).toContainEqual(rows[0]);
    // And the server goes on serving.
    expect((await partner.request(`{ me { user { email } } }`)).errors).toBeUndefined();
  });
});
