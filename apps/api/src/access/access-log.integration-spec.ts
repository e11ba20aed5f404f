import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertAccessLogEntries, type AccessLogRequest } from '../db/access-log.query';
import { createTenantFixture, type TenantFixture } from '../testing/fixtures';
import { startTestServer, type TestServer } from '../testing/test-server';

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
