import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTenantFixture, loggedIn, type TenantFixture } from '@jalon/api/src/testing/fixtures';
import type { GraphqlClient } from '@jalon/api/src/testing/graphql-client';
import { parseGlobalId } from '@jalon/api/src/graphql/relay';
import { startTestServer, type TestServer } from '@jalon/api/src/testing/test-server';
import { runRetentionInTenant } from '@jalon/api/src/modules/retention/retention-run';

/**
 * Hostile review: an archived file is out of every page (DOMAIN.md, retention: "closed,
 * restricted"), her own space included. A session she opened before the archive, or a code handed
 * to her before it, must not keep serving the file (a phone left signed in, a printed code found
 * in a bin), through GraphQL or the download routes.
 */
let server: TestServer;
let tenant: TenantFixture;
let referent: GraphqlClient;
let participantId: string;

const SPACE = `{ mySpace { firstName lastName stages { id } } }`;

/** A browser of the participant: keeps her own session cookie. */
class ParticipantBrowser {
  cookie: string | null = null;

  async request(query: string, variables: Record<string, unknown> = {}) {
    const response = await server.app.inject({
      method: 'POST',
      url: '/graphql',
      remoteAddress: '203.0.113.9',
      headers: { 'content-type': 'application/json', ...(this.cookie ? { cookie: this.cookie } : {}) },
      payload: JSON.stringify({ query, variables }),
    });
    const set = response.cookies.find((c) => c.name === 'jalon_participant_session');
    if (set) this.cookie = set.value ? `jalon_participant_session=${set.value}` : null;
    return JSON.parse(response.body) as { data?: any; errors?: Array<{ extensions: Record<string, unknown> }> };
  }

  get(url: string) {
    return server.app.inject({ method: 'GET', url, remoteAddress: '203.0.113.9', headers: this.cookie ? { cookie: this.cookie } : {} });
  }

  signIn(code: string) {
    return this.request(`mutation($code: String!) { signInWithParticipantCode(code: $code) }`, { code });
  }
}

async function newCode(): Promise<string> {
  return (await referent.data(`mutation($id: ID!) { createParticipantAccessCode(participantId: $id) { code } }`, { id: participantId }))
    .createParticipantAccessCode.code;
}

beforeAll(async () => {
  server = await startTestServer();
  tenant = await createTenantFixture(server, 'Espace archivé');
  referent = await loggedIn(server, tenant.users.referent.email);
  const { createParticipant } = await referent.data(`mutation($input: CreateParticipantInput!) { createParticipant(input: $input) { id } }`, {
    input: { details: { firstName: 'Louise', lastName: 'Archivée', birthDate: '1981-03-03', phone: '0611223355' }, confirmNotDuplicate: true },
  });
  participantId = createParticipant.id;
  // Her pathway closed years ago: the next daily run archives her file.
  await server.asOwner(async (em) => {
    const id = parseGlobalId(participantId)!.id;
    await em.execute(
      `update pathway set status = 'CLOSED', referral_date = '2019-01-10', entry_date = '2019-02-01', exit_date = '2020-01-15', closed_on = '2020-01-31' where participant_id = ?`,
      [id],
    );
    await em.execute(`update participant set current_status = 'CLOSED' where id = ?`, [id]);
  });
});

afterAll(() => server.close());

describe('her own space, once her file is archived', () => {
  it('ends the session opened before, and the code handed before no longer signs in', async () => {
    const signedIn = new ParticipantBrowser();
    expect((await signedIn.signIn(await newCode())).errors).toBeUndefined();
    expect((await signedIn.request(SPACE)).data?.mySpace.firstName).toBe('Louise');
    const spare = await newCode();

    expect(await runRetentionInTenant(server.database.orm, tenant.tenantId, new Date())).toMatchObject({ ran: true, archived: 1 });

    const after = await signedIn.request(SPACE);
    expect(after.data?.mySpace ?? null).toBeNull();
    expect(after.errors?.[0]?.extensions.code).toBe('UNAUTHENTICATED');
    for (const url of ['/my-space/my-data.json', '/my-space/appointments.ics']) {
      const download = await signedIn.get(url);
      expect(download.statusCode, url).toBeGreaterThanOrEqual(400);
      expect(download.body, url).not.toContain('Louise');
    }

    const finder = new ParticipantBrowser();
    expect((await finder.signIn(spare)).errors?.[0]?.extensions.code).toBe('BAD_USER_INPUT');
    expect((await finder.request(SPACE)).data?.mySpace ?? null).toBeNull();
  });

  it('refuses a code issued after the archive, by the animation team that opened the file', async () => {
    const animation = await loggedIn(server, tenant.users.animation.email);
    await animation.data(`mutation($input: OpenArchivedFileInput!) { openArchivedFile(input: $input) }`, {
      input: { participantId, reason: 'Demande de la personne' },
    });
    const issued = await animation.request(`mutation($id: ID!) { createParticipantAccessCode(participantId: $id) { code } }`, { id: participantId });
    const code = issued.data?.createParticipantAccessCode?.code as string | undefined;
    if (!code) return expect(issued.errors?.[0]?.extensions?.code).toMatch(/NOT_FOUND|FORBIDDEN|BAD_USER_INPUT/);
    const browser = new ParticipantBrowser();
    expect((await browser.signIn(code)).errors?.[0]?.extensions.code).toBe('BAD_USER_INPUT');
    expect((await browser.request(SPACE)).data?.mySpace ?? null).toBeNull();
  });
});
