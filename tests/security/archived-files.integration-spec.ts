import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTenantFixture, loggedIn, type TenantFixture } from '@jalon/api/src/testing/fixtures';
import type { GraphqlClient } from '@jalon/api/src/testing/graphql-client';
import { todayInFrance } from '@jalon/api/src/graphql/date-input';
import { parseGlobalId } from '@jalon/api/src/graphql/relay';
import { startTestServer, type TestServer } from '@jalon/api/src/testing/test-server';
import { runRetentionInTenant } from '@jalon/api/src/modules/retention/retention-run';

/**
 * An archived file is out of reach of the referent and of every partner, whatever consent it still
 * holds and however it asks (aliases, fragments, node, lists, guessed ids), and of other PLIEs; the
 * animation team opens it only with a reason. Erasure is the animation team's, for its own files,
 * once the pathway is closed.
 */
let server: TestServer;
let tenant: TenantFixture;
let other: TenantFixture;
let referent: GraphqlClient;
let commune: GraphqlClient;
let animation: GraphqlClient;
let otherAnimation: GraphqlClient;
let archivedId: string;
let openId: string;

const codeOf = (response: { errors?: Array<{ extensions?: Record<string, unknown> }> }) => response.errors?.[0]?.extensions?.code;
const FILE = `query($id: ID!) { a: participant(id: $id) { ...F } } fragment F on Participant { firstName phone }`;
const NODE = `query($id: ID!) { n: node(id: $id) { ... on Participant { firstName } } }`;
const LIST = `{ participants(page: { first: 100 }) { edges { node { id } } } }`;
const OPEN = `mutation($input: OpenArchivedFileInput!) { openArchivedFile(input: $input) }`;
const ERASE = `mutation($input: EraseParticipantInput!) { eraseParticipant(input: $input) { kind reason anonymised { name } } }`;
const listed = async (client: GraphqlClient, id: string) =>
  ((await client.data(LIST)).participants.edges as Array<{ node: { id: string } }>).some((edge) => edge.node.id === id);

async function sharedPerson(firstName: string): Promise<string> {
  const { createParticipant } = await referent.data(
    `mutation($input: CreateParticipantInput!) { createParticipant(input: $input) { id currentPathway { id version } } }`,
    { input: { details: { firstName, lastName: 'Archivable', birthDate: '1984-04-04', phone: '0611223344' }, confirmNotDuplicate: true } },
  );
  await referent.data(`mutation($input: GrantConsentInput!) { grantConsent(input: $input) { id } }`, {
    input: {
      participantId: createParticipant.id,
      granteeOrganisationId: tenant.organisations.commune.globalId,
      dataClasses: ['PATHWAY_STATUS', 'IDENTITY_CONTACT'],
      purpose: 'REFERRAL_FOLLOW_UP',
      method: 'SIGNED_FORM',
      collectedOn: todayInFrance(new Date()),
      noticeVersion: 'notice-2026-11',
    },
  });
  return createParticipant.id;
}

beforeAll(async () => {
  server = await startTestServer();
  tenant = await createTenantFixture(server, 'Archives');
  other = await createTenantFixture(server, 'Archives ailleurs');
  referent = await loggedIn(server, tenant.users.referent.email);
  commune = await loggedIn(server, tenant.users.partner.email);
  animation = await loggedIn(server, tenant.users.animation.email);
  otherAnimation = await loggedIn(server, other.users.animation.email);
  archivedId = await sharedPerson('Aline');
  openId = await sharedPerson('Bruno');
  // Aline's pathway closed years ago, her consent left in force: only the archive stands between her file and the partner.
  await server.asOwner(async (em) => {
    const id = parseGlobalId(archivedId)!.id;
    await em.execute(
      `update pathway set status = 'CLOSED', referral_date = '2019-01-10', entry_date = '2019-02-01', exit_date = '2020-01-15', closed_on = '2020-01-31' where participant_id = ?`,
      [id],
    );
    await em.execute(`update participant set current_status = 'CLOSED' where id = ?`, [id]);
  });
});
afterAll(() => server.close());

describe('an archived file', () => {
  it('is seen by the partner under its consent until the run archives it, then by no path', async () => {
    expect((await commune.data(FILE, { id: archivedId })).a.firstName).toBe('Aline');
    expect(await listed(commune, archivedId)).toBe(true);
    expect(await runRetentionInTenant(server.database.orm, tenant.tenantId, new Date())).toMatchObject({ ran: true, archived: 1 });

    for (const client of [commune, referent, animation]) {
      const response = await client.request(FILE, { id: archivedId });
      expect(codeOf(response)).toBe('NOT_FOUND');
      expect(response.data?.a ?? null).toBeNull();
      expect(await listed(client, archivedId)).toBe(false);
      expect((await client.request(NODE, { id: archivedId })).data?.n ?? null).toBeNull();
    }
    // The other file, with the same consent and an open pathway, is still shared.
    expect((await commune.data(FILE, { id: openId })).a.firstName).toBe('Bruno');
  });

  it('is kept out of the referent’s and the partner’s transactions by row-level security', async () => {
    const id = parseGlobalId(archivedId)!.id;
    const seenBy = async (settings: Record<string, unknown>) =>
      server.database.orm.em.fork().transactional(async (em) => {
        const { applyRlsSettings } = await import('@jalon/api/src/access/request-transaction');
        await em.execute('set local role jalon_app');
        await applyRlsSettings(em, settings);
        const rows = await em.execute<Array<{ n: number }>>('select count(*)::int as n from participant where id = ?', [id]);
        return rows[0]!.n;
      });
    const membership = async (membershipId: string) =>
      server.asOwner(
        async (em) =>
          (
            await em.execute<Array<{ user_id: string; organisation_id: string }>>('select user_id, organisation_id from membership where id = ?', [
              membershipId,
            ])
          )[0]!,
      );
    const asReferent = await membership(tenant.users.referent.membershipId);
    const asCommune = await membership(tenant.users.partner.membershipId);
    const asAnimation = await membership(tenant.users.animation.membershipId);
    expect(await seenBy({ tenantId: tenant.tenantId, userId: asReferent.user_id, organisationId: asReferent.organisation_id, staff: true })).toBe(0);
    expect(await seenBy({ tenantId: tenant.tenantId, userId: asCommune.user_id, organisationId: asCommune.organisation_id, staff: false })).toBe(0);
    // Staff without an acting membership (a forged setting) see nothing more.
    expect(await seenBy({ tenantId: tenant.tenantId, staff: true })).toBe(0);
    expect(await seenBy({ tenantId: tenant.tenantId, userId: asAnimation.user_id, organisationId: asAnimation.organisation_id, staff: true })).toBe(1);
  });

  it('opens to the animation team only with a reason, never to the referent, the partner or another PLIE', async () => {
    expect(codeOf(await referent.request(OPEN, { input: { participantId: archivedId, reason: 'Voir' } }))).toBe('FORBIDDEN');
    expect(codeOf(await commune.request(OPEN, { input: { participantId: archivedId, reason: 'Voir' } }))).toBe('FORBIDDEN');
    expect(codeOf(await otherAnimation.request(OPEN, { input: { participantId: archivedId, reason: 'Voir' } }))).toBe('NOT_FOUND');
    expect((await otherAnimation.data(`{ archivedFiles { totalCount } }`)).archivedFiles.totalCount).toBe(0);
    expect(codeOf(await animation.request(OPEN, { input: { participantId: openId, reason: 'Pas archivé' } }))).toBe('NOT_FOUND');
    await animation.data(OPEN, { input: { participantId: archivedId, reason: 'Contrôle FSE+' } });
    expect((await animation.data(FILE, { id: archivedId })).a.firstName).toBe('Aline');
    // Her opening is hers: the referent and the partner still get nothing.
    expect(codeOf(await referent.request(FILE, { id: archivedId }))).toBe('NOT_FOUND');
    expect(codeOf(await commune.request(FILE, { id: archivedId }))).toBe('NOT_FOUND');
  });

  it('is erased on request by the animation team only, once no pathway is open, with its record', async () => {
    expect(codeOf(await referent.request(ERASE, { input: { participantId: archivedId, reason: 'Demande' } }))).toBe('FORBIDDEN');
    expect(codeOf(await otherAnimation.request(ERASE, { input: { participantId: archivedId, reason: 'Demande' } }))).toBe('NOT_FOUND');
    const open = await animation.request(ERASE, { input: { participantId: openId, reason: 'Demande' } });
    expect(open.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'participantId' });
    expect(codeOf(await animation.request(ERASE, { input: { participantId: archivedId, reason: ' ' } }))).toBe('BAD_USER_INPUT');
    const { eraseParticipant } = await animation.data(ERASE, { input: { participantId: archivedId, reason: 'Courrier du 2 décembre' } });
    expect(eraseParticipant).toMatchObject({ kind: 'ERASURE', reason: 'Courrier du 2 décembre', anonymised: [{ name: expect.stringMatching(/^Anonyme /) }] });
    const again = await animation.request(ERASE, { input: { participantId: archivedId, reason: 'Encore' } });
    expect(again.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'participantId' });
  });

  it('erases a closed file not archived yet the same way, at once, and the partner loses it', async () => {
    await server.asOwner(async (em) => {
      const id = parseGlobalId(openId)!.id;
      await em.execute(
        `update pathway set status = 'CLOSED', exit_date = (now() at time zone 'Europe/Paris')::date, closed_on = (now() at time zone 'Europe/Paris')::date where participant_id = ?`,
        [id],
      );
      await em.execute(`update participant set current_status = 'CLOSED' where id = ?`, [id]);
    });
    const ERASED = `mutation($input: EraseParticipantInput!) { eraseParticipant(input: $input) { archived { name } anonymised { name } } }`;
    const { eraseParticipant } = await animation.data(ERASED, { input: { participantId: openId, reason: 'Demande orale du 3 décembre' } });
    expect(eraseParticipant.archived).toHaveLength(1);
    expect(eraseParticipant.anonymised).toEqual(eraseParticipant.archived);
    expect(codeOf(await commune.request(FILE, { id: openId }))).toBe('NOT_FOUND');
    const [row] = await server.asOwner((em) =>
      em.execute<Array<{ first_name: string; phone: string | null }>>('select first_name, phone from participant where id = ?', [parseGlobalId(openId)!.id]),
    );
    expect(row).toEqual({ first_name: 'Anonyme', phone: null });
  });
});
