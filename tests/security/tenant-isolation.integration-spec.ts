import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { Invitation } from '@jalon/api/src/modules/users/invitation.entity';
import { Membership } from '@jalon/api/src/modules/tenancy/membership.entity';
import { Organisation } from '@jalon/api/src/modules/organisations/organisation.entity';
import { toGlobalId } from '@jalon/api/src/graphql/relay';
import { createTenantFixture, FIXTURE_PASSWORD, type TenantFixture } from '@jalon/api/src/testing/fixtures';
import { GraphqlClient } from '@jalon/api/src/testing/graphql-client';
import { startTestServer, type TestServer } from '@jalon/api/src/testing/test-server';

let server: TestServer;
let grenoble: TenantFixture;
let clermont: TenantFixture;
let admin: GraphqlClient;
let clermontInvitationId: string;

beforeAll(async () => {
  server = await startTestServer();
  grenoble = await createTenantFixture(server, 'Grenoble');
  clermont = await createTenantFixture(server, 'Clermont');
  admin = new GraphqlClient(server.app);
  await admin.login(grenoble.users.admin.email, FIXTURE_PASSWORD);
  const clermontAdmin = new GraphqlClient(server.app);
  await clermontAdmin.login(clermont.users.admin.email, FIXTURE_PASSWORD);
  const invited = await clermontAdmin.data(`mutation($input: InviteUserInput!) { inviteUser(input: $input) { invitation { id } } }`, {
    input: { email: 'secret-recruit@test.jalon', displayName: 'Recrue', organisationId: clermont.organisations.commune.globalId, role: 'PARTNER_AGENT' },
  });
  clermontInvitationId = invited.inviteUser.invitation.id;
});
afterAll(() => server.close());

const clermontOrg = () => clermont.organisations.commune;
const clermontMembership = () => toGlobalId('Membership', clermont.users.referent.membershipId);

describe('a tenant admin of Grenoble gets nothing of Clermont', () => {
  it('in lists: organisations and members hold only Grenoble', async () => {
    const data = await admin.data(`{
      organisations(filter: { includeInactive: true }, page: { first: 100 }) { totalCount edges { node { name } } }
      members(filter: { includeInactive: true }, page: { first: 100 }) { totalCount edges { node { user { email } tenant { name } organisation { name } } } }
      pendingInvitations { email }
    }`);
    const text = JSON.stringify(data);
    expect(text).not.toContain(clermont.name);
    expect(text).not.toMatch(/Clermont|secret-recruit/);
    // The fixture's five organisations and six people of Grenoble, and no more.
    expect(data.organisations.totalCount).toBe(5);
    expect(data.members.totalCount).toBe(6);
  });

  it('by guessing ids: every read answers as if the row did not exist', async () => {
    const response = await admin.request(`query($org: ID!) { organisation(id: $org) { name } }`, { org: clermontOrg().globalId });
    expect(response.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    expect(response.raw).not.toContain(clermontOrg().name);

    const organisationNode = await admin.data(`query($a: ID!) { node(id: $a) { id } }`, { a: clermontOrg().globalId });
    expect(organisationNode.node).toBeNull();
    const membershipNode = await admin.data(`query($a: ID!) { node(id: $a) { id } }`, { a: clermontMembership() });
    expect(membershipNode.node).toBeNull();
    const filtered = await admin.data(
      `query($org: ID!) { members(filter: { organisationId: $org, includeInactive: true }) { totalCount edges { node { id } } } }`,
      { org: clermontOrg().globalId },
    );
    expect(filtered.members).toEqual({ totalCount: 0, edges: [] });
  });

  it('by guessing ids in writes: NOT_FOUND, and nothing changes in Clermont', async () => {
    const attempts = [
      admin.request(`mutation($id: ID!) { updateOrganisation(input: { id: $id, version: 1, name: "Piraté", active: false }) { id } }`, {
        id: clermontOrg().globalId,
      }),
      admin.request(`mutation($id: ID!) { setMembershipActive(input: { membershipId: $id, version: 1, active: false }) { id } }`, { id: clermontMembership() }),
      admin.request(
        `mutation($org: ID!) { inviteUser(input: { email: "spy@test.jalon", displayName: "Espion", organisationId: $org, role: PARTNER_ADMIN }) { acceptUrl } }`,
        { org: clermontOrg().globalId },
      ),
      admin.request(`mutation($id: ID!) { revokeInvitation(id: $id) { id } }`, { id: clermontInvitationId }),
      admin.request(`mutation($id: ID!) { switchMembership(membershipId: $id) { activeMembership { id } } }`, { id: clermontMembership() }),
    ];
    for (const response of await Promise.all(attempts)) {
      expect(response.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
      expect(response.data).toBeNull();
    }
    await server.asOwner(async (em) => {
      const organisation = await em.findOneOrFail(Organisation, { id: clermontOrg().id }, { filters: false });
      expect({ name: organisation.name, active: organisation.active, version: organisation.version }).toEqual({
        name: clermontOrg().name,
        active: true,
        version: 1,
      });
      const membership = await em.findOneOrFail(Membership, { id: clermont.users.referent.membershipId }, { filters: false });
      expect(membership.active).toBe(true);
      expect(await em.count(Invitation, { email: 'spy@test.jalon' }, { filters: false })).toBe(0);
      expect(await em.count(Invitation, { email: 'secret-recruit@test.jalon', revokedAt: null }, { filters: false })).toBe(1);
    });
  });

  it('for any made-up or foreign id of any type, node() answers null', async () => {
    const foreign = [clermontOrg().id, clermont.users.referent.membershipId, clermont.tenantId];
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom('Organisation', 'Membership', 'Tenant', 'User', 'Invitation', 'Nope'),
        fc.oneof(fc.uuid(), fc.constantFrom(...foreign)),
        async (type, id) => {
          const response = await admin.data(`query($id: ID!) { node(id: $id) { id } }`, { id: toGlobalId(type, id) });
          expect(response.node).toBeNull();
        },
      ),
      { numRuns: 60 },
    );
  });
});
