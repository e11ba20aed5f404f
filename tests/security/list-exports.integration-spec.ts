import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toGlobalId } from '@jalon/api/src/graphql/relay';
import { createTenantFixture, type TenantFixture, loggedIn } from '@jalon/api/src/testing/fixtures';
import { GraphqlClient, nodesOf } from '@jalon/api/src/testing/graphql-client';
import { downloadExport } from '@jalon/api/src/testing/list-export-client';
import { startTestServer, type TestServer } from '@jalon/api/src/testing/test-server';

/**
 * A partner's export of a list holds exactly what its list shows: the people shared with it and
 * nothing of the others (never shared, refused, withdrawn, of another PLIE), whichever list name
 * or filters it sends, refused where its list is refused, and every read in the access log.
 * The route takes no GraphQL document, only the variables of the list's fixed query: aliases and
 * fragments cannot be sent; the variables are what is tried here.
 */

let server: TestServer;
let tenant: TenantFixture;
let other: TenantFixture;
let referent: GraphqlClient;
let animation: GraphqlClient;
let commune: GraphqlClient;

const GRANT = `mutation($input: GrantConsentInput!) { grantConsent(input: $input) { id version } }`;
const REVOKE = `mutation($id: ID!, $version: Int!) { revokeConsent(consentId: $id, version: $version, reason: "Demande de la personne") { id } }`;

/** Shared with the commune; the others must never appear in its files. */
const SHARED = { firstName: 'Partagée', lastName: 'Exportvisible', birthDate: '1985-05-05' };
const HIDDEN = [
  { firstName: 'Jamais', lastName: 'Exportcachée', birthDate: '1986-06-06' },
  { firstName: 'Retirée', lastName: 'Exportretirée', birthDate: '1987-07-07' },
  { firstName: 'Refusée', lastName: 'Exportrefusée', birthDate: '1988-08-08' },
];
const OTHER_TENANT = { firstName: 'Ailleurs', lastName: 'Exportautreplie', birthDate: '1989-09-09' };
const HIDDEN_MARKERS = [...HIDDEN, OTHER_TENANT].flatMap((p) => [p.lastName, p.firstName]);
let sharedId: string;

const login = (email: string) => loggedIn(server, email);

async function create(client: GraphqlClient, details: typeof SHARED): Promise<string> {
  return (await client.data(`mutation($input: CreateParticipantInput!) { createParticipant(input: $input) { id } }`, { input: { details } })).createParticipant
    .id;
}

function terms(participantId: string, overrides: Record<string, unknown> = {}) {
  return {
    participantId,
    granteeOrganisationId: tenant.organisations.commune.globalId,
    dataClasses: ['PATHWAY_STATUS'],
    purpose: 'REFERRAL_FOLLOW_UP',
    method: 'SIGNED_FORM',
    collectedOn: '2026-11-20',
    noticeVersion: 'notice-2026-01',
    ...overrides,
  };
}

/** Every cell of the file as text, to look for what must not be there. */
const textOf = (file: { heading: string[]; labels: string[]; rows: unknown[][] }) => JSON.stringify([file.heading, file.labels, file.rows]);

beforeAll(async () => {
  server = await startTestServer();
  tenant = await createTenantFixture(server, 'Exports partenaires');
  other = await createTenantFixture(server, 'Exports ailleurs');
  referent = await login(tenant.users.referent.email);
  animation = await login(tenant.users.animation.email);
  commune = await login(tenant.users.partner.email);

  sharedId = await create(referent, SHARED);
  await referent.data(GRANT, { input: terms(sharedId) });
  await create(referent, HIDDEN[0]!);
  const withdrawn = (await referent.data(GRANT, { input: terms(await create(referent, HIDDEN[1]!)) })).grantConsent;
  await referent.data(REVOKE, { id: withdrawn.id, version: withdrawn.version });
  const refused = await create(referent, HIDDEN[2]!);
  await referent.data(GRANT, { input: terms(refused, { effect: 'REFUSAL', granteeOrganisationId: null, granteeKind: 'COMMUNE' }) });
  await referent.data(GRANT, { input: terms(refused) });

  const elsewhere = await login(other.users.referent.email);
  const otherId = await create(elsewhere, OTHER_TENANT);
  await elsewhere.data(GRANT, { input: { ...terms(otherId), granteeOrganisationId: other.organisations.commune.globalId } });
}, 120_000);

afterAll(async () => {
  await server?.close();
});

describe("a partner's exports", () => {
  it('hold the people its list shows, and none it may not see (never shared, withdrawn, refused, of another PLIE)', async () => {
    const list = nodesOf((await commune.data(`{ participants(page: { first: 100 }) { edges { node { lastName } } } }`)).participants);
    expect(list.map((p: { lastName: string }) => p.lastName)).toEqual([SHARED.lastName]);
    for (const file of ['partner-participants.xlsx', 'partner-participants.csv']) {
      const exported = await downloadExport(server.app, commune, file);
      expect(exported.status).toBe(200);
      expect(exported.rows.map((row) => row[0])).toEqual([SHARED.lastName]);
      expect(textOf(exported)).not.toMatch(new RegExp(HIDDEN_MARKERS.join('|')));
    }
    // The raw CSV too: nothing of the others anywhere in the bytes.
    const raw = (await downloadExport(server.app, commune, 'partner-participants.csv')).bytes.toString('utf8');
    for (const marker of HIDDEN_MARKERS) expect(raw).not.toContain(marker);
  });

  it("asking for the staff's caseload export gets the same people, with what is not shared left empty", async () => {
    const exported = await downloadExport(server.app, commune, 'participants.xlsx', { filter: { search: 'Export' } });
    expect(exported.status).toBe(200);
    expect(exported.rows.map((row) => row[0])).toEqual([SHARED.lastName]);
    // As in its list: the birth date is not shared with it (only the pathway status is).
    const seen = (await commune.data(`{ participants(filter: { search: "Export" }) { edges { node { birthDate } } } }`)).participants.edges[0].node;
    expect(seen.birthDate).toBeNull();
    expect(exported.rows[0]![2]).toBeNull();
    expect(textOf(exported)).not.toContain('1985');
    expect(textOf(exported)).not.toMatch(new RegExp(HIDDEN_MARKERS.join('|')));
  });

  it('is refused where its list is refused: staff-only filters, the whole access log, the other PLIE', async () => {
    const guessed = { filter: { referentId: toGlobalId('Membership', tenant.users.referent.membershipId) } };
    const list = await commune.request(`query($filter: ParticipantFilter) { participants(filter: $filter) { totalCount } }`, guessed);
    const exported = await downloadExport(server.app, commune, 'participants.csv', guessed);
    expect(list.errors?.[0]?.extensions?.code).toBeDefined();
    expect(exported.error?.code).toBe(list.errors?.[0]?.extensions?.code);
    expect(exported.bytes.toString('utf8')).not.toContain(SHARED.lastName);

    expect((await downloadExport(server.app, commune, 'access-log.xlsx')).error?.code).toBe('FORBIDDEN');
    expect((await downloadExport(server.app, commune, 'access-log.xlsx', { participantId: sharedId })).error?.code).toBe('FORBIDDEN');

    // The export's own page replaces any page sent: no way past the page size limit.
    const paged = await downloadExport(server.app, commune, 'partner-participants.csv', { page: { first: 100000 } });
    expect(paged.rows.map((row) => row[0])).toEqual([SHARED.lastName]);

    const otherPartner = await login(other.users.partner.email);
    const theirs = await downloadExport(server.app, otherPartner, 'partner-participants.xlsx');
    expect(theirs.rows.map((row) => row[0])).toEqual([OTHER_TENANT.lastName]);
    expect(textOf(theirs)).not.toContain(SHARED.lastName);
    const otherStaff = await downloadExport(server.app, await login(other.users.animation.email), 'participants.csv');
    expect(otherStaff.rows.map((row) => row[0])).toEqual([OTHER_TENANT.lastName]);
  });

  it('writes every partner read of an export to the access log, as the list does', async () => {
    const LOG = `query($id: ID!) { accessLog(participantId: $id) { totalCount edges { node { organisationName requestId } } } }`;
    const before = (await animation.data(LOG, { id: sharedId })).accessLog.totalCount;
    const exported = await downloadExport(server.app, commune, 'partner-participants.xlsx');
    expect(exported.rows).toHaveLength(1);
    const after = (await animation.data(LOG, { id: sharedId })).accessLog;
    expect(after.totalCount).toBe(before + 1);
    expect(nodesOf(after)[0]).toMatchObject({ organisationName: tenant.organisations.commune.name });
  });
});
