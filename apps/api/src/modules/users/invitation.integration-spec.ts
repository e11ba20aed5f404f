import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PASSWORD_MAX_LENGTH } from '@jalon/domain';
import { User } from './user.entity';
import { createTenantFixture, FIXTURE_PASSWORD, type TenantFixture } from '../../testing/fixtures';
import { GraphqlClient, LOGIN } from '../../testing/graphql-client';
import { startTestServer, type TestServer } from '../../testing/test-server';

let server: TestServer;
let tenant: TenantFixture;
let other: TenantFixture;
let admin: GraphqlClient;

beforeAll(async () => {
  server = await startTestServer();
  tenant = await createTenantFixture(server, 'Invitations');
  other = await createTenantFixture(server, 'Ailleurs');
  admin = new GraphqlClient(server.app);
  await admin.login(tenant.users.admin.email, FIXTURE_PASSWORD);
});
afterAll(() => server.close());

const INVITE = `mutation($input: InviteUserInput!) { inviteUser(input: $input) { acceptUrl invitation { id email status role organisation { name } } } }`;
const ACCEPT = `mutation($input: AcceptInvitationInput!) { acceptInvitation(input: $input) { user { email displayName } activeMembership { role organisation { name } tenant { name } } memberships { tenant { name } } } }`;
const tokenOf = (acceptUrl: string) => acceptUrl.split('/invitation/')[1]!;

async function invite(email: string, organisation = tenant.organisations.commune.globalId, role = 'PARTNER_AGENT') {
  const data = await admin.data(INVITE, { input: { email, displayName: 'Sophie Test', organisationId: organisation, role } });
  return data.inviteUser as { acceptUrl: string; invitation: { id: string } };
}

describe('inviting a colleague', () => {
  it('invites, the invitee sets a password and is logged in, and can log in again later', async () => {
    const { acceptUrl } = await invite('Sophie.New@Test.Jalon');
    const invitee = new GraphqlClient(server.app);
    const preview = await invitee.data(`query($token: String!) { invitation(token: $token) { email organisationName tenantName accountExists role } }`, {
      token: tokenOf(acceptUrl),
    });
    expect(preview.invitation).toEqual({
      email: 'sophie.new@test.jalon',
      organisationName: tenant.organisations.commune.name,
      tenantName: tenant.name,
      accountExists: false,
      role: 'PARTNER_AGENT',
    });

    const accepted = await invitee.data(ACCEPT, { input: { token: tokenOf(acceptUrl), password: 'une phrase de passe solide' } });
    expect(accepted.acceptInvitation.activeMembership).toEqual({
      role: 'PARTNER_AGENT',
      organisation: { name: tenant.organisations.commune.name },
      tenant: { name: tenant.name },
    });
    expect(invitee.cookie).not.toBeNull();

    const again = new GraphqlClient(server.app);
    expect((await again.request(LOGIN, { input: { email: 'sophie.new@test.jalon', password: 'une phrase de passe solide' } })).errors).toBeUndefined();

    // The link works once.
    const replay = await new GraphqlClient(server.app).request(ACCEPT, { input: { token: tokenOf(acceptUrl), password: 'une autre phrase de passe' } });
    expect(replay.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'token' });
    const pending = await admin.data('{ pendingInvitations { email } }');
    expect(pending.pendingInvitations).not.toContainEqual({ email: 'sophie.new@test.jalon' });
  });

  it('refuses a short password with the field named, and writes nothing', async () => {
    const { acceptUrl } = await invite('short@test.jalon');
    const response = await new GraphqlClient(server.app).request(ACCEPT, { input: { token: tokenOf(acceptUrl), password: 'court' } });
    expect(response.errors?.[0]).toMatchObject({
      message: 'Le mot de passe doit contenir au moins 12 caractères.',
      extensions: { code: 'BAD_USER_INPUT', field: 'password' },
    });
    expect(await server.asOwner((em) => em.count(User, { email: 'short@test.jalon' }))).toBe(0);
    const preview = await new GraphqlClient(server.app).data(`query($token: String!) { invitation(token: $token) { email } }`, { token: tokenOf(acceptUrl) });
    expect(preview.invitation).toEqual({ email: 'short@test.jalon' });
  });

  it('takes a password as long as the password policy allows, to accept and to log in; one longer is refused', async () => {
    const { acceptUrl } = await invite('long.password@test.jalon');
    const password = 'phrase de passe très longue '.repeat(10).slice(0, PASSWORD_MAX_LENGTH);
    const tooLong = await new GraphqlClient(server.app).request(ACCEPT, { input: { token: tokenOf(acceptUrl), password: `${password}x` } });
    expect(tooLong.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'password' });
    await new GraphqlClient(server.app).data(ACCEPT, { input: { token: tokenOf(acceptUrl), password } });
    expect((await new GraphqlClient(server.app).request(LOGIN, { input: { email: 'long.password@test.jalon', password } })).errors).toBeUndefined();
  });

  it('refuses roles that do not fit the organisation, and bad emails, field by field', async () => {
    const staffRoleForPartner = await admin.request(INVITE, {
      input: { email: 'x@test.jalon', displayName: 'X', organisationId: tenant.organisations.commune.globalId, role: 'TENANT_ADMIN' },
    });
    expect(staffRoleForPartner.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'role' });
    const badEmail = await admin.request(INVITE, {
      input: { email: 'not an email', displayName: 'X', organisationId: tenant.organisations.commune.globalId, role: 'PARTNER_AGENT' },
    });
    expect(badEmail.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'email' });
    const noName = await admin.request(INVITE, {
      input: { email: 'x@test.jalon', displayName: '   ', organisationId: tenant.organisations.commune.globalId, role: 'PARTNER_AGENT' },
    });
    expect(noName.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'displayName' });
    const member = await admin.request(INVITE, {
      input: { email: tenant.users.partner.email, displayName: 'X', organisationId: tenant.organisations.commune.globalId, role: 'PARTNER_AGENT' },
    });
    expect(member.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'email' });
  });

  it('a person already working for another PLIE joins with their existing password, then switches between the two', async () => {
    const { acceptUrl } = await invite(other.users.referent.email, tenant.organisations.operator.globalId, 'REFERENT');
    const invitee = new GraphqlClient(server.app);
    const preview = await invitee.data(`query($token: String!) { invitation(token: $token) { accountExists } }`, { token: tokenOf(acceptUrl) });
    expect(preview.invitation.accountExists).toBe(true);
    const wrong = await invitee.request(ACCEPT, { input: { token: tokenOf(acceptUrl), password: 'pas le bon mot de passe' } });
    expect(wrong.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'password' });

    const accepted = await invitee.data(ACCEPT, { input: { token: tokenOf(acceptUrl), password: FIXTURE_PASSWORD } });
    expect(accepted.acceptInvitation.memberships.map((m: { tenant: { name: string } }) => m.tenant.name).sort()).toEqual([other.name, tenant.name].sort());
    expect(accepted.acceptInvitation.activeMembership.tenant.name).toBe(tenant.name);

    const viewer = await invitee.data('{ me { memberships { id tenant { name } } } }');
    const inOther = viewer.me.memberships.find((m: { tenant: { name: string } }) => m.tenant.name === other.name);
    const switched = await invitee.data(`mutation($id: ID!) { switchMembership(membershipId: $id) { activeMembership { tenant { name } } } }`, {
      id: inOther.id,
    });
    expect(switched.switchMembership.activeMembership.tenant.name).toBe(other.name);
    expect(
      (await invitee.data('{ organisations { edges { node { name } } } }')).organisations.edges.map((e: { node: { name: string } }) => e.node.name),
    ).toContain(other.organisations.operator.name);
  });

  it('an invitation revoked or expired no longer opens anything', async () => {
    const { acceptUrl, invitation } = await invite('revoked@test.jalon');
    await admin.data(`mutation($id: ID!) { revokeInvitation(id: $id) { status } }`, { id: invitation.id });
    const response = await new GraphqlClient(server.app).data(`query($token: String!) { invitation(token: $token) { email } }`, { token: tokenOf(acceptUrl) });
    expect(response.invitation).toBeNull();
  });
});

describe('deactivating a colleague', () => {
  it('cuts their access at once, sessions included, and reactivation restores it', async () => {
    const partner = new GraphqlClient(server.app);
    await partner.login(tenant.users.partner.email, FIXTURE_PASSWORD);
    const members = await admin.data(
      `{ members(filter: { includeInactive: true }, page: { first: 50 }) { edges { node { id version active user { email } } } } }`,
    );
    const row = members.members.edges
      .map((e: { node: unknown }) => e.node)
      .find((n: { user: { email: string } }) => n.user.email === tenant.users.partner.email);

    const stale = await admin.request(`mutation($input: SetMembershipActiveInput!) { setMembershipActive(input: $input) { active } }`, {
      input: { membershipId: row.id, version: row.version + 1, active: false },
    });
    expect(stale.errors?.[0]?.extensions?.code).toBe('CONFLICT');

    const done = await admin.data(`mutation($input: SetMembershipActiveInput!) { setMembershipActive(input: $input) { active version } }`, {
      input: { membershipId: row.id, version: row.version, active: false },
    });
    expect(done.setMembershipActive).toEqual({ active: false, version: row.version + 1 });
    expect((await partner.request('{ me { user { email } } }')).errors?.[0]?.extensions?.reason).toBe('SESSION_EXPIRED');
    const relogged = new GraphqlClient(server.app);
    await relogged.login(tenant.users.partner.email, FIXTURE_PASSWORD);
    expect((await relogged.data('{ me { activeMembership { id } memberships { id } } }')).me).toEqual({ activeMembership: null, memberships: [] });

    await admin.data(`mutation($input: SetMembershipActiveInput!) { setMembershipActive(input: $input) { active } }`, {
      input: { membershipId: row.id, version: row.version + 1, active: true },
    });
    const back = new GraphqlClient(server.app);
    await back.login(tenant.users.partner.email, FIXTURE_PASSWORD);
    expect((await back.data('{ me { activeMembership { role } } }')).me.activeMembership.role).toBe('PARTNER_AGENT');
  });

  it('an admin cannot lock themselves out', async () => {
    const me = await admin.data('{ me { activeMembership { id version } } }');
    const response = await admin.request(`mutation($input: SetMembershipActiveInput!) { setMembershipActive(input: $input) { active } }`, {
      input: { membershipId: me.me.activeMembership.id, version: me.me.activeMembership.version, active: false },
    });
    expect(response.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'membershipId' });
  });

  it('a partner agent or a referent cannot manage users', async () => {
    const referent = new GraphqlClient(server.app);
    await referent.login(tenant.users.referent.email, FIXTURE_PASSWORD);
    const response = await referent.request(INVITE, {
      input: { email: 'y@test.jalon', displayName: 'Y', organisationId: tenant.organisations.operator.globalId, role: 'TENANT_ADMIN' },
    });
    expect(response.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect((await referent.request('{ members { totalCount } }')).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });
});

describe("a partner's administrator", () => {
  it('invites and deactivates colleagues of her own organisation, and nobody else', async () => {
    // The PLIE's administrator makes the commune's agent-in-charge its administrator.
    const { acceptUrl } = await invite('chef.ccas@test.jalon', tenant.organisations.commune.globalId, 'PARTNER_ADMIN');
    const chief = new GraphqlClient(server.app);
    await chief.data(ACCEPT, { input: { token: tokenOf(acceptUrl), password: 'une phrase de passe solide' } });

    const invited = await chief.data(INVITE, {
      input: { email: 'agent.ccas@test.jalon', displayName: 'Agent CCAS', organisationId: tenant.organisations.commune.globalId, role: 'PARTNER_AGENT' },
    });
    expect(invited.inviteUser.invitation).toMatchObject({ email: 'agent.ccas@test.jalon', organisation: { name: tenant.organisations.commune.name } });
    const agent = new GraphqlClient(server.app);
    await agent.data(ACCEPT, { input: { token: tokenOf(invited.inviteUser.acceptUrl), password: 'une phrase de passe solide' } });

    // Not into the integration company, not as staff.
    const elsewhere = await chief.request(INVITE, {
      input: { email: 'x@test.jalon', displayName: 'X', organisationId: tenant.organisations.siae.globalId, role: 'PARTNER_AGENT' },
    });
    expect(elsewhere.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'organisationId' });
    const staff = await chief.request(INVITE, {
      input: { email: 'y@test.jalon', displayName: 'Y', organisationId: tenant.organisations.commune.globalId, role: 'TENANT_ADMIN' },
    });
    expect(staff.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'role' });

    // She sees her organisation's people only, and manages only them.
    const members = await chief.data(`{ members(page: { first: 50 }) { edges { node { id version user { email } organisation { name } } } } }`);
    const rows = members.members.edges.map((e: any) => e.node);
    expect(new Set(rows.map((r: any) => r.organisation.name))).toEqual(new Set([tenant.organisations.commune.name]));
    expect(rows.map((r: any) => r.user.email)).toEqual(expect.arrayContaining(['agent.ccas@test.jalon', 'chef.ccas@test.jalon']));
    const all = await admin.data(`{ members(page: { first: 50 }) { edges { node { id version user { email } } } } }`);
    const aci = all.members.edges.map((e: any) => e.node).find((n: any) => n.user.email === tenant.users.aci.email);
    const foreign = await chief.request(`mutation($input: SetMembershipActiveInput!) { setMembershipActive(input: $input) { active } }`, {
      input: { membershipId: aci.id, version: aci.version, active: false },
    });
    expect(foreign.errors?.[0]?.extensions).toEqual({ code: 'NOT_FOUND', field: 'membershipId' });

    const colleague = rows.find((r: any) => r.user.email === 'agent.ccas@test.jalon');
    await chief.data(`mutation($input: SetMembershipActiveInput!) { setMembershipActive(input: $input) { active } }`, {
      input: { membershipId: colleague.id, version: colleague.version, active: false },
    });
    expect((await agent.request('{ me { user { email } } }')).errors?.[0]?.extensions?.reason).toBe('SESSION_EXPIRED');
    // Invitations to other organisations are not hers to see.
    await invite('pending.aci@test.jalon', tenant.organisations.siae.globalId);
    await chief.data(INVITE, {
      input: { email: 'pending.ccas@test.jalon', displayName: 'Pending', organisationId: tenant.organisations.commune.globalId, role: 'PARTNER_AGENT' },
    });
    const pending = (await chief.data('{ pendingInvitations { email } }')).pendingInvitations.map((i: any) => i.email);
    expect(pending).toContain('pending.ccas@test.jalon');
    expect(pending).not.toContain('pending.aci@test.jalon');
  });
});
