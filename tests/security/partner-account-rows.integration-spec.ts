import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MembershipRole } from '@jalon/domain';
import { hashPassword } from '@jalon/api/src/modules/auth/password-hash';
import { Organisation } from '@jalon/api/src/modules/organisations/organisation.entity';
import { Membership } from '@jalon/api/src/modules/tenancy/membership.entity';
import { Tenant } from '@jalon/api/src/modules/tenancy/tenant.entity';
import { User } from '@jalon/api/src/modules/users/user.entity';
import { UserCredential } from '@jalon/api/src/modules/auth/user-credential.entity';
import { sqlAsRequest } from '@jalon/api/src/testing/request-transaction-sql';
import { createTenantFixture, FIXTURE_PASSWORD, type TenantFixture } from '@jalon/api/src/testing/fixtures';
import { toGlobalId } from '@jalon/api/src/graphql/relay';
import { GraphqlClient } from '@jalon/api/src/testing/graphql-client';
import { startTestServer, type TestServer } from '@jalon/api/src/testing/test-server';

/**
 * What a partner's own transaction (the application role, its request's settings) reads of the
 * accounts: its own user row only (a partner's administrator also her organisation's members), never
 * another account's e-mail (nor any password hash: account-credentials.integration-spec.ts); the names it is shown (its people's referents, meeting
 * organisers) through jalon_user_names(), which gives nothing but a name; the memberships of its
 * organisation and of the programme's staff, not those of the other partners; only the idempotency
 * keys it sent itself.
 */

let server: TestServer;
let plie: TenantFixture;
const ids: Record<string, string> = {};

async function client(email: string): Promise<GraphqlClient> {
  const c = new GraphqlClient(server.app);
  await c.login(email, FIXTURE_PASSWORD);
  return c;
}

const SUBMIT = `mutation($input: SubmitReferralInput!) { submitReferral(input: $input) { id } }`;
const referral = (lastName: string, idempotencyKey: string) => ({
  input: {
    details: { firstName: 'Compte', lastName, birthDate: '1990-04-17', phone: '0611223344' },
    situation: 'Situation.',
    reason: 'Motif.',
    agreementMethod: 'SIGNED_FORM',
    agreedOn: '2026-11-02',
    idempotencyKey,
  },
});

beforeAll(async () => {
  server = await startTestServer();
  plie = await createTenantFixture(server, 'Comptes');
  // A colleague of the commune agent, and an administrator of the integration company.
  const passwordHash = await hashPassword(FIXTURE_PASSWORD);
  await server.asOwner(async (em) => {
    const tenant = em.getReference(Tenant, plie.tenantId);
    const member = async (key: string, organisationId: string, role: MembershipRole) => {
      const user = em.create(User, { email: `${key}-${plie.tenantId}@test.jalon`, displayName: `${key} Comptes` });
      em.create(UserCredential, { user, passwordHash });
      em.create(Membership, { tenant, user, organisation: em.getReference(Organisation, organisationId), role });
      await em.flush();
      ids[key] = user.id;
    };
    await member('colleague', plie.organisations.commune.id, MembershipRole.PARTNER_AGENT);
    await member('manager', plie.organisations.siae.id, MembershipRole.PARTNER_ADMIN);
  });
  await (await client(plie.users.partner.email)).data(SUBMIT, referral('Commune', 'key-of-the-commune'));
  await (await client(plie.users.aci.email)).data(SUBMIT, referral('Chantier', 'key-of-the-aci'));
  await server.asOwner(async (em) => {
    for (const row of await em.execute<Array<{ id: string; email: string }>>(`select id, email from app_user`)) ids[row.email] = row.id;
    const [commune] = await em.execute<Array<{ id: string }>>(`select user_id as id from membership where id = ?`, [plie.users.partner.membershipId]);
    ids.commune = commune!.id;
  });
});
afterAll(() => server.close());

/** Runs `sql` in a partner's transaction, exactly as its requests do, and rolls it back. */
const asPartner = <T extends object>(userId: string, organisationId: string, sql: string) =>
  sqlAsRequest<T>(server, { tenantId: plie.tenantId, userId, organisationId, staff: false }, sql);
const asCommuneAgent = <T extends object>(sql: string) => asPartner<T>(ids.commune!, plie.organisations.commune.id, sql);

describe("a partner's transaction", () => {
  it('reads its own account only: no colleague’s, staff’s or other partner’s e-mail', async () => {
    const rows = await asCommuneAgent<{ email: string }>(`select email from app_user`);
    expect(rows.map((r) => r.email)).toEqual([plie.users.partner.email]);
    // Through the memberships it may read (its organisation's, the staff's), or by a known id.
    const joined = await asCommuneAgent<{ email: string }>(`select u.email from membership m join app_user u on u.id = m.user_id`);
    expect(joined.map((r) => r.email)).toEqual([plie.users.partner.email]);
    const byId = await asCommuneAgent<{ email: string }>(`select email from app_user where id in ('${ids.colleague}', '${ids[plie.users.referent.email]}')`);
    expect(byId).toEqual([]);
  });

  it('as a partner’s administrator, reads her organisation’s members’ accounts, whose access she manages, and no one else’s', async () => {
    const rows = await asPartner<{ email: string }>(ids.manager!, plie.organisations.siae.id, `select email from app_user`);
    expect(rows.map((r) => r.email).sort()).toEqual([plie.users.aci.email, `manager-${plie.tenantId}@test.jalon`].sort());
  });

  it('is given the names, and nothing else, of the people it is shown: its colleagues and the staff, not other partners', async () => {
    const everyone = [ids.colleague, ids[plie.users.referent.email], ids[plie.users.admin.email], ids[plie.users.aci.email], ids[plie.users.trainer.email]];
    const rows = await asCommuneAgent<{ id: string; display_name: string }>(`select * from jalon_user_names('{${everyone.join(',')}}')`);
    expect(rows.map((r) => r.id).sort()).toEqual([ids.colleague, ids[plie.users.referent.email], ids[plie.users.admin.email]].sort());
    expect(Object.keys(rows[0]!).sort()).toEqual(['display_name', 'id']);
    const elsewhere = await createTenantFixture(server, 'Ailleurs');
    const [stranger] = await server.asOwner((em) =>
      em.execute<Array<{ id: string }>>(`select id from app_user where email = ?`, [elsewhere.users.referent.email]),
    );
    expect(await asCommuneAgent(`select * from jalon_user_names('{${stranger!.id}}')`)).toEqual([]);
  });

  it('reads the memberships of its organisation and of the staff, not those of other partners', async () => {
    const rows = await asCommuneAgent<{ id: string }>(`select id from membership`);
    const seen = rows.map((r) => r.id);
    expect(seen).toContain(plie.users.partner.membershipId);
    expect(seen).toContain(plie.users.referent.membershipId);
    expect(seen).not.toContain(plie.users.aci.membershipId);
    expect(seen).not.toContain(plie.users.trainer.membershipId);
  });

  it('reads only the idempotency keys it sent', async () => {
    const rows = await asCommuneAgent<{ key: string }>(`select key from idempotency_key`);
    expect(rows.map((r) => r.key)).toEqual(['key-of-the-commune']);
  });

  it('cannot write the membership of another organisation', async () => {
    const rows = await asCommuneAgent<{ id: string }>(`update membership set active = false where id = '${plie.users.aci.membershipId}' returning id`);
    expect(rows).toEqual([]);
  });
});

describe('the names a partner is shown', () => {
  const nameOf = async (email: string) =>
    (await server.asOwner((em) => em.execute<Array<{ display_name: string }>>(`select display_name from app_user where email = ?`, [email])))[0]!.display_name;

  it('still show on its people’s files (the referent) and on its meetings (the organiser, the people invited)', async () => {
    const referent = await client(plie.users.referent.email);
    const created = await referent.data(
      `mutation { createParticipant(input: { details: { firstName: "Nom", lastName: "Montré", birthDate: "1991-05-06" } }) { id } }`,
    );
    await referent.data(`mutation($input: GrantConsentInput!) { grantConsent(input: $input) { id } }`, {
      input: {
        participantId: created.createParticipant.id,
        granteeOrganisationId: plie.organisations.commune.globalId,
        dataClasses: ['PATHWAY_STATUS'],
        purpose: 'REFERRAL_FOLLOW_UP',
        method: 'SIGNED_FORM',
        collectedOn: '2026-10-01',
        noticeVersion: 'notice-2026-01',
      },
    });
    const animation = await client(plie.users.animation.email);
    const startsAt = new Date(Date.now() + 7 * 86_400_000);
    const planned = await animation.data(`mutation($input: PlanMeetingInput!) { planMeeting(input: $input) { id } }`, {
      input: {
        details: {
          kind: 'PARTNER_COORDINATION',
          title: 'Coordination des comptes',
          place: 'Maison des solidarités',
          startsAt: startsAt.toISOString(),
          endsAt: new Date(startsAt.getTime() + 3_600_000).toISOString(),
          organisationIds: [plie.organisations.commune.globalId, plie.organisations.siae.globalId],
          inviteeUserIds: [toGlobalId('User', ids[plie.users.aci.email]!)],
        },
      },
    });

    const commune = await client(plie.users.partner.email);
    const file = await commune.data(`query($id: ID!) { participant(id: $id) { referent { displayName } } }`, { id: created.createParticipant.id });
    expect(file.participant.referent.displayName).toBe(await nameOf(plie.users.referent.email));
    const list = await commune.data(`{ participants { edges { node { lastName referent { displayName } } } } }`);
    expect(list.participants.edges.map((e: { node: { referent: { displayName: string } } }) => e.node.referent.displayName)).toEqual([
      await nameOf(plie.users.referent.email),
    ]);
    const meeting = await commune.data(`query($id: ID!) { meeting(id: $id) { organiserName invitees { name } } }`, { id: planned.planMeeting.id });
    expect(meeting.meeting.organiserName).toBe(await nameOf(plie.users.animation.email));
    expect(meeting.meeting.invitees).toEqual([{ name: await nameOf(plie.users.aci.email) }]);
  });

  it('on its referrals, its colleague’s name as their author', async () => {
    const colleague = await client(`colleague-${plie.tenantId}@test.jalon`);
    await colleague.data(SUBMIT, referral('Collègue', 'key-of-the-colleague'));
    const commune = await client(plie.users.partner.email);
    const { referrals } = await commune.data(`{ referrals { edges { node { lastName submissions { authorName } } } } }`);
    const authors = Object.fromEntries(
      referrals.edges.map((e: { node: { lastName: string; submissions: Array<{ authorName: string }> } }) => [
        e.node.lastName,
        e.node.submissions.map((s) => s.authorName),
      ]),
    );
    expect(authors).toEqual({ Commune: [await nameOf(plie.users.partner.email)], Collègue: ['colleague Comptes'] });
  });
});
