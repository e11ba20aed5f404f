import { createHash, randomUUID } from 'node:crypto';
import { createRequire } from 'node:module';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertAccessLogEntries, type AccessLogRequest } from '../db/access-log.query';
import { createTenantFixture, FIXTURE_PASSWORD, type TenantFixture } from '../testing/fixtures';
import { GraphqlClient } from '../testing/graphql-client';
import { startTestServer, type TestServer } from '../testing/test-server';
import { verifyAccessLog } from './access-log';

let server: TestServer;
let tenant: TenantFixture;
let request: (id: string) => AccessLogRequest;

beforeAll(async () => {
  server = await startTestServer();
  tenant = await createTenantFixture(server, 'Journal');
  const [member] = await server.asOwner((em) =>
    em.execute<Array<{ user_id: string }>>(`select user_id from membership where id = ?`, [tenant.users.partner.membershipId]),
  );
  request = (id) => ({ tenantId: tenant.tenantId, organisationId: tenant.organisations.commune.id, userId: member!.user_id, at: new Date(), requestId: id });
});
afterAll(() => server.close());

const entry = (digest: string) => ({ participantId: randomUUID(), dataClasses: ['IDENTIFICATION'], purposes: ['REFERRAL_FOLLOW_UP'], digest });

describe('the access log under concurrent requests', () => {
  it('chains an append made while another is under way after it, never onto the same entry', async () => {
    // An append that takes its time: its statement holds the tenant's lock until it ends (here, its transaction).
    const slow = server.database.orm.em.fork();
    await slow.begin();
    await insertAccessLogEntries(slow, [entry('first')], request('slow'));
    const next = insertAccessLogEntries(server.database.orm.em.fork(), [entry('second')], request('next'));
    await new Promise((resolve) => setTimeout(resolve, 300));
    await slow.commit();
    await next;

    const rows = await server.asOwner((em) =>
      em.execute<Array<{ request_id: string; previous_hash: string; hash: string }>>(
        `select request_id, previous_hash, hash from access_log where tenant_id = ? order by seq`,
        [tenant.tenantId],
      ),
    );
    expect(rows.map((row) => row.request_id)).toEqual(['slow', 'next']);
    expect(rows[0]!.previous_hash).toBe('');
    expect(rows[1]!.previous_hash).toBe(rows[0]!.hash);
  });
});

describe("a request's entries", () => {
  it('are chained in the order given, each onto the one before: sha256(previous hash ‖ digest)', async () => {
    const other = await createTenantFixture(server, 'Chaîne');
    const [member] = await server.asOwner((em) =>
      em.execute<Array<{ user_id: string }>>(`select user_id from membership where id = ?`, [other.users.partner.membershipId]),
    );
    const at = { tenantId: other.tenantId, organisationId: other.organisations.commune.id, userId: member!.user_id, at: new Date() };
    await insertAccessLogEntries(server.database.orm.em.fork(), [entry('a')], { ...at, requestId: 'one' });
    await insertAccessLogEntries(server.database.orm.em.fork(), [entry('b'), entry('c'), entry('d')], { ...at, requestId: 'three' });

    const rows = await server.asOwner((em) =>
      em.execute<Array<{ request_id: string; previous_hash: string; hash: string }>>(
        `select request_id, previous_hash, hash from access_log where tenant_id = ? order by seq`,
        [other.tenantId],
      ),
    );
    const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');
    const expected = ['a', 'b', 'c', 'd'].reduce<Array<{ previous_hash: string; hash: string }>>(
      (chain, digest) => [...chain, { previous_hash: chain.at(-1)?.hash ?? '', hash: sha256((chain.at(-1)?.hash ?? '') + digest) }],
      [],
    );
    expect(rows).toEqual(expected.map((link, i) => ({ request_id: i ? 'three' : 'one', ...link })));
  });

  it('are refused, every one, for a tenant that does not exist', async () => {
    const nowhere = { ...request('nowhere'), tenantId: randomUUID() };
    await expect(insertAccessLogEntries(server.database.orm.em.fork(), [entry('x'), entry('y')], nowhere)).rejects.toThrow(/no tenant/);
    const [row] = await server.asOwner((em) =>
      em.execute<Array<{ n: number }>>(`select count(*)::int as n from access_log where tenant_id = ?`, [nowhere.tenantId]),
    );
    expect(row!.n).toBe(0);
  });
});

describe("a partner's reads, logged as the request's transaction ends", () => {
  let partner: GraphqlClient;
  let participantId: string;
  // A tenant of its own: the entries above carry made-up digests, which its chain check would report.
  let reader: TenantFixture;
  const READ = `query($id: ID!) { participant(id: $id) { firstName } }`;
  // A request that reads and fails: consentPreview is for staff (FORBIDDEN), and nullable, so the read still answers.
  const READ_AND_FAIL = `query($id: ID!) { participant(id: $id) { firstName } preview: consentPreview(organisationId: $id, participantId: $id) { id } }`;
  const logged = (requestId: string) =>
    server.asOwner((em) =>
      em.execute<Array<{ participant_id: string; data_classes: string[] }>>(`select participant_id, data_classes from access_log where request_id = ?`, [
        requestId,
      ]),
    );

  beforeAll(async () => {
    reader = await createTenantFixture(server, 'Lecture');
    const referent = new GraphqlClient(server.app);
    await referent.login(reader.users.referent.email, FIXTURE_PASSWORD);
    participantId = (
      await referent.data(`mutation { createParticipant(input: { details: { firstName: "Inès", lastName: "Morel", birthDate: "1988-02-11" } }) { id } }`)
    ).createParticipant.id;
    await referent.data(`mutation($input: GrantConsentInput!) { grantConsent(input: $input) { id } }`, {
      input: {
        participantId,
        purpose: 'REFERRAL_FOLLOW_UP',
        method: 'SIGNED_FORM',
        collectedOn: '2026-11-20',
        noticeVersion: 'notice-2026-01',
        granteeOrganisationId: reader.organisations.commune.globalId,
        dataClasses: ['PATHWAY_STATUS'],
      },
    });
    partner = new GraphqlClient(server.app);
    await partner.login(reader.users.partner.email, FIXTURE_PASSWORD);
  });

  it.skipIf(!process.env.TEST_DATABASE_URL)('reads a list in three statements: BEGIN with the session, the page, the COMMIT with the append', async () => {
    // Every statement node-postgres sends, as the bench counts them (bench/server-probe.cjs).
    const pg = createRequire(require.resolve('@mikro-orm/postgresql'))('pg') as { Client: { prototype: { query: (...args: unknown[]) => unknown } } };
    const query = pg.Client.prototype.query;
    const sent: string[] = [];
    pg.Client.prototype.query = function (this: unknown, ...args: unknown[]) {
      const text = args[0] as string | { text: string };
      sent.push(typeof text === 'string' ? text : text.text);
      return query.apply(this, args);
    };
    try {
      const list = await partner.data(`{ participants { edges { node { firstName stages { id } } } } }`);
      expect(list.participants.edges).toEqual([{ node: { firstName: 'Inès', stages: [] } }]);
    } finally {
      pg.Client.prototype.query = query;
    }
    expect(sent.map((text) => text.slice(0, 40))).toEqual([
      expect.stringMatching(/^BEGIN; select \* from jalon_open_session\(/),
      expect.stringMatching(/^with matching as/),
      expect.stringMatching(/^COMMIT; select jalon_append_access_log\(/),
    ]);
  });

  it('logs the reads of a request that failed (its transaction rolled back: what it read was still read)', async () => {
    const requestId = `failed-${randomUUID()}`;
    const response = await partner.request(READ_AND_FAIL, { id: participantId }, { 'x-request-id': requestId });
    expect(response.data?.participant).toEqual({ firstName: 'Inès' });
    expect(response.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(await logged(requestId)).toEqual([{ participant_id: expect.any(String), data_classes: ['IDENTIFICATION'] }]);
  });

  it('answers no data when its reads cannot be logged, committed or rolled back, and serves the next requests as before', async () => {
    const refused = `refused-${randomUUID()}`;
    // The log refuses this one request's entries: its append fails after the transaction's end.
    await server.asOwner((em) => em.execute(`alter table access_log add constraint refuse_probe check (request_id <> '${refused}') not valid`));
    try {
      const read = await partner.request(READ, { id: participantId }, { 'x-request-id': refused });
      expect(read.status).toBe(500);
      expect(read.raw).not.toContain('Inès');
      const failedRead = await partner.request(READ_AND_FAIL, { id: participantId }, { 'x-request-id': refused });
      expect(failedRead.status).toBe(500);
      expect(failedRead.raw).not.toContain('Inès');
    } finally {
      await server.asOwner((em) => em.execute(`alter table access_log drop constraint refuse_probe`));
    }
    expect(await logged(refused)).toEqual([]);
    // More requests than the pool has connections: none is handed a connection left mid-transaction.
    const ids = Array.from({ length: 6 }, () => `after-${randomUUID()}`);
    for (const requestId of ids)
      expect((await partner.request(READ, { id: participantId }, { 'x-request-id': requestId })).data?.participant).toEqual({ firstName: 'Inès' });
    for (const requestId of ids) expect(await logged(requestId)).toHaveLength(1);
    expect((await server.asOwner(verifyAccessLog)).find((c) => c.tenantId === reader.tenantId)).toMatchObject({ brokenAtSeq: null });
  });
});
