import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Gender, PathwayStatus } from '@jalon/domain';
import { createTenantFixture, loggedIn, type TenantFixture } from '../../testing/fixtures';
import type { GraphqlClient } from '../../testing/graphql-client';
import { startTestServer, type TestServer } from '../../testing/test-server';
import { Participant } from '../participants/participant.entity';
import { Membership } from '../tenancy/membership.entity';
import { Tenant } from '../tenancy/tenant.entity';

/**
 * The animation team's to-do list of correction and erasure requests is a connection like every
 * list: open ones first by deadline, then by arrival, a page at a time with every request exactly
 * once (two arriving within the same millisecond included), the total counted.
 */
let server: TestServer;
let tenant: TenantFixture;
let animation: GraphqlClient;

const LIST = `query($status: RightsRequestStatus, $page: PageArgs) {
  rightsRequests(status: $status, page: $page) { totalCount pageInfo { hasNextPage endCursor } edges { node { message status dueOn } } }
}`;
type Page = { totalCount: number; pageInfo: { hasNextPage: boolean; endCursor: string | null }; edges: Array<{ node: { message: string } }> };

beforeAll(async () => {
  server = await startTestServer();
  tenant = await createTenantFixture(server, 'Demandes de droits');
  await server.asOwner(async (em) => {
    const participant = em.create(Participant, {
      tenant: em.getReference(Tenant, tenant.tenantId),
      firstName: 'Rose',
      lastName: 'Droits',
      searchKey: 'droits rose',
      birthDate: '1988-08-08',
      gender: Gender.WOMAN,
      referent: em.getReference(Membership, tenant.users.referent.membershipId),
      currentStatus: PathwayStatus.ACTIVE,
    });
    await em.flush();
    const requests: Array<[string, string, string, string]> = [
      ['second du 1er mars', '2026-03-01', '2026-02-01 10:00:00.123457+00', 'OPEN'],
      ['répondue', '2026-01-10', '2025-12-10 09:00:00+00', 'ANSWERED'],
      ['premier du 1er mars', '2026-03-01', '2026-02-01 10:00:00.123456+00', 'OPEN'],
      ['avril', '2026-04-01', '2026-03-01 08:00:00+00', 'OPEN'],
      ['mi-février', '2026-02-15', '2026-01-15 08:00:00+00', 'OPEN'],
    ];
    for (const [message, dueOn, createdAt, status] of requests) {
      await em.execute(
        `insert into rights_request (id, created_at, tenant_id, participant_id, kind, message, due_on, status, answer) values (?, ?, ?, ?, 'CORRECTION', ?, ?, ?, ?)`,
        [randomUUID(), createdAt, tenant.tenantId, participant.id, message, dueOn, status, status === 'ANSWERED' ? 'Fait' : null],
      );
    }
  });
  animation = await loggedIn(server, tenant.users.animation.email);
});
afterAll(() => server.close());

describe('the rights requests to answer', () => {
  it('come a page at a time, open ones first by deadline then arrival, each once, the total counted', async () => {
    const messages: string[] = [];
    let after: string | null = null;
    for (let pages = 0; pages < 5; pages++) {
      const page: Page = (await animation.data(LIST, { page: { first: 2, after } })).rightsRequests;
      expect(page.totalCount).toBe(5);
      messages.push(...page.edges.map((edge) => edge.node.message));
      if (!page.pageInfo.hasNextPage) break;
      after = page.pageInfo.endCursor;
    }
    expect(messages).toEqual(['mi-février', 'premier du 1er mars', 'second du 1er mars', 'avril', 'répondue']);
    const open: Page = (await animation.data(LIST, { status: 'OPEN', page: { first: 10 } })).rightsRequests;
    expect([open.totalCount, open.edges.length, open.pageInfo.hasNextPage]).toEqual([4, 4, false]);
  });

  it('refuse a cursor the API did not write', async () => {
    const forged = Buffer.from(JSON.stringify(['0 2026-02-31 x', randomUUID()])).toString('base64url');
    const response = await animation.request(LIST, { page: { first: 2, after: forged } });
    expect(response.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'after' });
  });
});
