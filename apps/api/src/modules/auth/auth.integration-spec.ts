import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MembershipRole } from '@jalon/domain';
import { toGlobalId } from '../../graphql/relay';
import { Session } from './session.entity';
import { LoginAttempt } from './login-attempt.entity';
import { createTenantFixture, FIXTURE_PASSWORD, type TenantFixture } from '../../testing/fixtures';
import { Membership } from '../tenancy/membership.entity';
import { User } from '../users/user.entity';
import { GraphqlClient, LOGIN } from '../../testing/graphql-client';
import { startTestServer, type TestServer } from '../../testing/test-server';

let server: TestServer;
let tenant: TenantFixture;

beforeAll(async () => {
  server = await startTestServer({ LOGIN_MAX_FAILURES: '3', SESSION_IDLE_MINUTES: '30' });
  tenant = await createTenantFixture(server);
});
afterAll(() => server.close());

const ME = '{ me { user { email } activeMembership { role tenant { name } } } }';

function expectNoInternals(raw: string) {
  expect(raw).not.toMatch(/stack|at \w+ \(|select |insert |update |\.ts:\d+/i);
}

describe('login', () => {
  it('logs in with the right password and keeps the session in an httpOnly, SameSite cookie', async () => {
    const client = new GraphqlClient(server.app);
    const response = await client.request(LOGIN, { input: { email: tenant.users.referent.email.toUpperCase(), password: FIXTURE_PASSWORD } });
    expect(response.errors).toBeUndefined();
    expect(response.data).toMatchObject({
      login: { user: { email: tenant.users.referent.email }, activeMembership: { role: 'REFERENT', tenant: { name: tenant.name } } },
    });
    const cookie = String(response.headers['set-cookie']);
    expect(cookie).toMatch(/jalon_session=/);
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Strict/i);
    expect((await client.data(ME)).me.user.email).toBe(tenant.users.referent.email);
  });

  it('answers a wrong password and an unknown account alike: UNAUTHENTICATED, no detail', async () => {
    const client = new GraphqlClient(server.app);
    const wrong = await client.request(LOGIN, { input: { email: tenant.users.partner.email, password: 'not the password' } });
    const unknown = await client.request(LOGIN, { input: { email: 'nobody@test.jalon', password: 'not the password' } });
    for (const response of [wrong, unknown]) {
      expect(response.errors?.[0]?.extensions).toEqual({ code: 'UNAUTHENTICATED', reason: 'INVALID_CREDENTIALS' });
      expect(response.errors?.[0]?.message).toBe('Adresse e-mail ou mot de passe incorrect.');
      expectNoInternals(response.raw);
    }
    expect(client.cookie).toBeNull();
  });

  it('speaks English when asked to', async () => {
    const client = new GraphqlClient(server.app, { 'accept-language': 'en-GB,en;q=0.9' });
    const response = await client.request(LOGIN, { input: { email: tenant.users.partner.email, password: 'nope nope nope' } });
    expect(response.errors?.[0]?.message).toBe('Wrong email address or password.');
  });

  it('locks the account after repeated failures, even against the right password, and counts every failure', async () => {
    const email = tenant.users.animation.email;
    const client = new GraphqlClient(server.app);
    for (let i = 0; i < 3; i++) {
      const response = await client.request(LOGIN, { input: { email, password: `guess ${i} guess` } });
      expect(response.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    }
    const locked = await client.request(LOGIN, { input: { email, password: FIXTURE_PASSWORD } });
    expect(locked.errors?.[0]?.extensions).toMatchObject({ code: 'RATE_LIMITED' });
    expect(locked.errors?.[0]?.message).toMatch(/Réessayez dans 15 minutes/);
    expect(client.cookie).toBeNull();

    // Once the lock has passed, the right password works again and the counter starts afresh.
    const lockEnded = new Date(Date.now() - server.config.LOGIN_LOCK_MINUTES * 60_000 - 1000);
    await server.asOwner((em) => em.nativeUpdate(LoginAttempt, { email }, { at: lockEnded }));
    await client.login(email, FIXTURE_PASSWORD);
    const again = await client.request(LOGIN, { input: { email, password: 'one more guess' } });
    expect(again.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('slows down an address that sprays passwords over many accounts', async () => {
    const strict = await startTestServer({ LOGIN_MAX_FAILURES_PER_IP: '2' });
    try {
      const client = new GraphqlClient(strict.app);
      for (const n of [1, 2]) await client.request(LOGIN, { input: { email: `spray${n}@test.jalon`, password: 'Summer2026!!' } });
      const refused = await client.request(LOGIN, { input: { email: 'admin@grenoble.demo', password: 'jalon-demo-2026' } });
      expect(refused.errors?.[0]?.extensions?.code).toBe('RATE_LIMITED');
    } finally {
      await strict.close();
    }
  });
});

describe('sessions', () => {
  it('logs out: the old cookie no longer works', async () => {
    const client = new GraphqlClient(server.app);
    await client.login(tenant.users.admin.email, FIXTURE_PASSWORD);
    const oldCookie = client.cookie;
    await client.data('mutation { logout }');
    expect(client.cookie).toBeNull();
    const replay = new GraphqlClient(server.app);
    replay.cookie = oldCookie;
    const response = await replay.request('{ members { totalCount } }');
    expect(response.errors?.[0]?.extensions).toEqual({ code: 'UNAUTHENTICATED', reason: 'SESSION_EXPIRED' });
  });

  it('refuses an expired session with SESSION_EXPIRED and clears the cookie', async () => {
    const client = new GraphqlClient(server.app);
    await client.login(tenant.users.admin.email, FIXTURE_PASSWORD);
    await server.asOwner((em) =>
      em.nativeUpdate(Session, { user: { email: tenant.users.admin.email }, revokedAt: null }, { expiresAt: new Date(Date.now() - 1000) }),
    );
    const me = await client.request(ME);
    expect(me.errors?.[0]?.extensions).toEqual({ code: 'UNAUTHENTICATED', reason: 'SESSION_EXPIRED' });
    expect(me.errors?.[0]?.message).toBe('Votre session a expiré. Reconnectez-vous.');
    expect(client.cookie).toBeNull();
    expectNoInternals(me.raw);
  });

  it('ends a session left idle longer than the idle timeout', async () => {
    const client = new GraphqlClient(server.app);
    await client.login(tenant.users.partner.email, FIXTURE_PASSWORD);
    await server.asOwner((em) =>
      em.nativeUpdate(Session, { user: { email: tenant.users.partner.email }, revokedAt: null }, { lastSeenAt: new Date(Date.now() - 31 * 60_000) }),
    );
    expect((await client.request(ME)).errors?.[0]?.extensions?.reason).toBe('SESSION_EXPIRED');
  });

  it('tells an anonymous caller of a protected operation to log in', async () => {
    const response = await new GraphqlClient(server.app).request('{ members { totalCount } }');
    expect(response.errors?.[0]?.extensions).toEqual({ code: 'UNAUTHENTICATED', reason: 'NOT_LOGGED_IN' });
    expect(response.data).toBeNull();
  });

  it('refuses a forged cookie as an ended session, without detail', async () => {
    const client = new GraphqlClient(server.app);
    client.cookie = 'jalon_session=forged-token';
    const response = await client.request('{ members { totalCount } }');
    expect(response.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });
});

describe('the membership a login lands in', () => {
  it('is the one held longest at first, then the one last used — not the first PLIE by name', async () => {
    // The trainer of the 'Zèbre' PLIE is then also given access to the 'Abeille' PLIE, first by name.
    const home = await createTenantFixture(server, 'Zèbre');
    const other = await createTenantFixture(server, 'Abeille');
    const otherMembershipId = await server.asOwner(async (em) => {
      const user = await em.findOneOrFail(User, { email: home.users.trainer.email });
      const membership = em.create(Membership, {
        tenant: other.tenantId,
        user,
        organisation: other.organisations.training.id,
        role: MembershipRole.PARTNER_AGENT,
      });
      await em.flush();
      return membership.id;
    });
    const claire = new GraphqlClient(server.app);
    const landed = async () => {
      await claire.request(LOGIN, { input: { email: home.users.trainer.email, password: FIXTURE_PASSWORD } });
      return (await claire.data<{ me: { activeMembership: { tenant: { name: string } } } }>(ME)).me.activeMembership.tenant.name;
    };

    expect(await landed()).toBe(home.name);
    await claire.data(`mutation($id: ID!) { switchMembership(membershipId: $id) { activeMembership { id } } }`, {
      id: toGlobalId('Membership', otherMembershipId),
    });
    await claire.data('mutation { logout }');
    expect(await landed()).toBe(other.name);
  });
});

describe('cross-site request forgery', () => {
  it('refuses a cross-origin POST carrying the session cookie', async () => {
    const client = new GraphqlClient(server.app);
    await client.login(tenant.users.admin.email, FIXTURE_PASSWORD);
    const response = await server.app.inject({
      method: 'POST',
      url: '/graphql',
      headers: { 'content-type': 'application/json', origin: 'https://evil.example', cookie: client.cookie! },
      payload: JSON.stringify({ query: 'mutation { logout }' }),
    });
    expect(response.statusCode).toBe(403);
    expect((await client.data(ME)).me).not.toBeNull();
  });

  it('refuses a "simple" request a form or an image could send (no JSON content type, no preflight header)', async () => {
    const client = new GraphqlClient(server.app);
    await client.login(tenant.users.admin.email, FIXTURE_PASSWORD);
    const form = await server.app.inject({
      method: 'POST',
      url: '/graphql',
      headers: { 'content-type': 'text/plain', cookie: client.cookie! },
      payload: JSON.stringify({ query: 'mutation { logout }' }),
    });
    expect(form.statusCode).toBe(400);
    const get = await server.app.inject({
      method: 'GET',
      url: `/graphql?query=${encodeURIComponent('{ me { user { email } } }')}`,
      headers: { cookie: client.cookie! },
    });
    expect(get.statusCode).toBe(400);
    expect((await client.data(ME)).me).not.toBeNull();
  });
});
