import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MembershipRole } from '@jalon/domain';
import type { RlsSettings } from '@jalon/api/src/access/request-transaction';
import { hashPassword } from '@jalon/api/src/modules/auth/password-hash';
import { UserCredential } from '@jalon/api/src/modules/auth/user-credential.entity';
import { Organisation } from '@jalon/api/src/modules/organisations/organisation.entity';
import { Membership } from '@jalon/api/src/modules/tenancy/membership.entity';
import { Tenant } from '@jalon/api/src/modules/tenancy/tenant.entity';
import { User } from '@jalon/api/src/modules/users/user.entity';
import { createTenantFixture, FIXTURE_PASSWORD, type TenantFixture } from '@jalon/api/src/testing/fixtures';
import { GraphqlClient } from '@jalon/api/src/testing/graphql-client';
import { sqlAsRequest } from '@jalon/api/src/testing/request-transaction-sql';
import { startTestServer, type TestServer } from '@jalon/api/src/testing/test-server';

/**
 * Who reads a password hash and who changes someone's access, held by row-level security alone
 * (a request's transaction as the application role, whatever the API would ask): a hash only on the
 * login path and by its owner, never by the staff or a partner's administrator who read the account;
 * a membership written as the API allows, never by an agent, never to change a role from a
 * partner's transaction, never across organisations or PLIEs.
 */

let server: TestServer;
let plie: TenantFixture;
let other: TenantFixture;
/** User and membership ids by fixture key ('admin', 'partner', 'aci'…), and the integration company's administrator ('manager'). */
const user: Record<string, string> = {};
const membership: Record<string, string> = {};
const MANAGER_EMAIL = () => `manager-${plie.tenantId}@test.jalon`;

beforeAll(async () => {
  server = await startTestServer();
  plie = await createTenantFixture(server, 'Accès');
  other = await createTenantFixture(server, 'Autre accès');
  const passwordHash = await hashPassword(FIXTURE_PASSWORD);
  await server.asOwner(async (em) => {
    const manager = em.create(User, { email: MANAGER_EMAIL(), displayName: 'Gérante Chantier' });
    em.create(UserCredential, { user: manager, passwordHash });
    const organisation = em.getReference(Organisation, plie.organisations.siae.id);
    membership.manager = em.create(Membership, {
      tenant: em.getReference(Tenant, plie.tenantId),
      user: manager,
      organisation,
      role: MembershipRole.PARTNER_ADMIN,
    }).id;
    await em.flush();
    for (const fixture of [plie, other])
      for (const [key, held] of Object.entries(fixture.users)) {
        const [row] = await em.execute<Array<{ user_id: string }>>(`select user_id from membership where id = ?`, [held.membershipId]);
        user[fixture === plie ? key : `other-${key}`] = row!.user_id;
        membership[fixture === plie ? key : `other-${key}`] = held.membershipId;
      }
    user.manager = manager.id;
  });
});
afterAll(() => server.close());

/** A signed-in request's settings, as authenticate() sets them. */
function request(key: string, organisationId: string, staff: boolean, tenantId = plie.tenantId): RlsSettings {
  return { tenantId, userId: user[key]!, organisationId, staff };
}
const as = {
  manager: () => request('manager', plie.organisations.siae.id, false),
  agent: () => request('partner', plie.organisations.commune.id, false),
  admin: () => request('admin', plie.organisations.animation.id, true),
  referent: () => request('referent', plie.organisations.operator.id, true),
  otherAdmin: () => request('other-admin', other.organisations.animation.id, true, other.tenantId),
};

describe('password hashes', () => {
  it('are no longer on the account: staff and a partner’s administrator read accounts, not hashes', async () => {
    // The administrator still reads her colleague's account, whose access she manages…
    const accounts = await sqlAsRequest<{ id: string }>(server, as.manager(), `select id from app_user`);
    expect(accounts.map((r) => r.id)).toContain(user.aci);
    // …but no column of it holds a hash any more.
    await expect(sqlAsRequest(server, as.manager(), `select password_hash from app_user`)).rejects.toThrow(/password_hash/);
  });

  it('are read by their owner only: not by her organisation’s administrator, the PLIE’s staff or another PLIE', async () => {
    for (const [who, settings] of Object.entries(as)) {
      const rows = await sqlAsRequest<{ user_id: string }>(server, settings(), `select user_id from user_credential`);
      expect(rows, who).toEqual([{ user_id: settings().userId }]);
    }
  });

  it('are read on the login path for the address being logged in, and no other', async () => {
    const rows = await sqlAsRequest<{ user_id: string }>(server, { authEmail: plie.users.aci.email }, `select user_id from user_credential`);
    expect(rows).toEqual([{ user_id: user.aci }]);
    expect(await sqlAsRequest(server, { authEmail: 'personne@test.jalon' }, `select user_id from user_credential`)).toEqual([]);
  });

  it('are changed by their owner only', async () => {
    const changed = await sqlAsRequest<{ user_id: string }>(server, as.manager(), `update user_credential set password_hash = 'x' returning user_id`);
    expect(changed).toEqual([{ user_id: user.manager }]);
    const stolen = await sqlAsRequest(server, as.admin(), `update user_credential set password_hash = 'x' where user_id = '${user.aci}' returning user_id`);
    expect(stolen).toEqual([]);
    await expect(sqlAsRequest(server, as.manager(), `insert into user_credential (user_id, password_hash) values ('${user.aci}', 'x')`)).rejects.toThrow(
      /row-level security/,
    );
  });

  it('are named by no field of the GraphQL schema, and logging in still works', async () => {
    const client = new GraphqlClient(server.app);
    await client.login(MANAGER_EMAIL(), FIXTURE_PASSWORD);
    const { __schema } = await client.data(`{ __schema { types { name fields { name } } } }`);
    const outputFields = __schema.types.flatMap((t: { name: string; fields: Array<{ name: string }> | null }) =>
      (t.fields ?? []).map((f) => `${t.name}.${f.name}`),
    );
    expect(outputFields.filter((f: string) => /hash|password|credential/i.test(f))).toEqual([]);
    const wrong = await new GraphqlClient(server.app).request(
      `mutation { login(input: { email: "${MANAGER_EMAIL()}", password: "pas le bon" }) { user { id } } }`,
    );
    expect(wrong.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });
});

describe('memberships written under row-level security', () => {
  const setRole = (id: string, role: MembershipRole) => `update membership set role = '${role}' where id = '${id}' returning id`;
  const setActive = (id: string, active: boolean) => `update membership set active = ${active} where id = '${id}' returning id`;

  it('an agent changes no one’s access, not even her own role', async () => {
    expect(await sqlAsRequest(server, as.agent(), setRole(membership.partner!, MembershipRole.PARTNER_ADMIN))).toEqual([]);
    expect(await sqlAsRequest(server, as.agent(), `update membership set active = false returning id`)).toEqual([]);
    await expect(
      sqlAsRequest(
        server,
        as.agent(),
        `insert into membership (id, created_at, tenant_id, user_id, organisation_id, role) values (gen_random_uuid(), now(), '${plie.tenantId}', '${user.partner}', '${plie.organisations.animation.id}', 'TENANT_ADMIN')`,
      ),
    ).rejects.toThrow(/row-level security/);
  });

  it('an agent cannot invite herself into a role she does not hold', async () => {
    await expect(
      sqlAsRequest(
        server,
        as.agent(),
        `insert into invitation (id, created_at, tenant_id, version, email, display_name, organisation_id, role, token_hash, invited_by_id, expires_at)
         values (gen_random_uuid(), now(), '${plie.tenantId}', 1, '${plie.users.partner.email}', 'Moi', '${plie.organisations.commune.id}', 'PARTNER_ADMIN', 'h', '${user.partner}', now() + interval '1 day')`,
      ),
    ).rejects.toThrow(/row-level security/);
  });

  it('a partner’s administrator switches her colleagues’ access, but changes no role, hers included', async () => {
    expect(await sqlAsRequest(server, as.manager(), setActive(membership.aci!, false))).toEqual([{ id: membership.aci }]);
    await expect(sqlAsRequest(server, as.manager(), setRole(membership.aci!, MembershipRole.PARTNER_ADMIN))).rejects.toThrow(/row-level security/);
    await expect(sqlAsRequest(server, as.manager(), setRole(membership.manager!, MembershipRole.TENANT_ADMIN))).rejects.toThrow(/row-level security/);
  });

  it('a partner’s administrator touches no other organisation’s membership, nor moves one into hers', async () => {
    expect(await sqlAsRequest(server, as.manager(), setActive(membership.partner!, false))).toEqual([]);
    expect(await sqlAsRequest(server, as.manager(), setActive(membership.admin!, false))).toEqual([]);
    await expect(
      sqlAsRequest(
        server,
        as.manager(),
        `update membership set organisation_id = '${plie.organisations.animation.id}' where id = '${membership.aci}' returning id`,
      ),
    ).rejects.toThrow(/row-level security/);
  });

  it('another PLIE, even its administrator, changes nothing here', async () => {
    expect(await sqlAsRequest(server, as.otherAdmin(), `update membership set active = false where tenant_id = '${plie.tenantId}' returning id`)).toEqual([]);
  });

  it('staff other than the administrator change nothing; the administrator changes the PLIE’s memberships', async () => {
    expect(await sqlAsRequest(server, as.referent(), setActive(membership.aci!, false))).toEqual([]);
    expect(await sqlAsRequest(server, as.admin(), setRole(membership.referent!, MembershipRole.ANIMATION_TEAM))).toEqual([{ id: membership.referent }]);
  });

  it('what the API allows still works: a partner’s administrator deactivates a colleague', async () => {
    const manager = new GraphqlClient(server.app);
    await manager.login(MANAGER_EMAIL(), FIXTURE_PASSWORD);
    const { members } = await manager.data(`{ members { edges { node { id version user { email } } } } }`);
    const colleague = members.edges
      .map((e: { node: { id: string; version: number; user: { email: string } } }) => e.node)
      .find((n: { user: { email: string } }) => n.user.email === plie.users.aci.email);
    const done = await manager.data(`mutation($input: SetMembershipActiveInput!) { setMembershipActive(input: $input) { active } }`, {
      input: { membershipId: colleague.id, version: colleague.version, active: false },
    });
    expect(done.setMembershipActive.active).toBe(false);
  });
});
