import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toGlobalId } from '@jalon/api/src/graphql/relay';
import { createTenantFixture, type TenantFixture, loggedIn } from '@jalon/api/src/testing/fixtures';
import { startTestServer, type TestServer } from '@jalon/api/src/testing/test-server';

/**
 * Social clauses name the people placed on them and their hours: they are the PLIE's own business
 * relations, and no partner reads or writes them — not the commune that is the buyer, not the ACI
 * that made the person available, however it asks (aliases, fragments, guessed ids) and whatever
 * consent it holds. Another PLIE reaches none of them. (Row by row in SQL: rls-by-table, clause*.)
 */
let server: TestServer;
let tenant: TenantFixture;
let other: TenantFixture;
let clauseId: string;
let placementId: string;
let participantId: string;
let otherCompanyId: string;
let companyId: string;

const login = (email: string) => loggedIn(server, email);
const codeOf = (response: { errors?: Array<{ extensions?: Record<string, unknown> }> }) => response.errors?.[0]?.extensions?.code;
const CLAUSE = { buyer: 'Ville d’Échirolles', contractName: 'Entretien des écoles', startsOn: '2026-09-01', endsOn: '2027-08-31', hoursOwed: 400 };

beforeAll(async () => {
  server = await startTestServer();
  tenant = await createTenantFixture(server, 'Clauses sécurité');
  other = await createTenantFixture(server, 'Clauses ailleurs');
  const referent = await login(tenant.users.referent.email);
  const company = async (siret: string, name: string, kind: string) =>
    (await referent.data(`mutation($input: CreateCompanyInput!) { createCompany(input: $input) { id } }`, { input: { siret, name, kind, contacts: [] } }))
      .createCompany.id as string;
  companyId = await company('77889900112230', 'Nettoyage du Drac', 'CLASSIC');
  const aci = await company('44332211000018', 'ACI du Drac', 'INTEGRATION');
  participantId = (
    await referent.data(`mutation($details: ParticipantDetailsInput!) { createParticipant(input: { details: $details }) { id } }`, {
      details: { firstName: 'Placée', lastName: 'Clause', birthDate: '1988-02-03' },
    })
  ).createParticipant.id;
  clauseId = (
    await referent.data(`mutation($input: CreateSocialClauseInput!) { createSocialClause(input: $input) { id } }`, { input: { ...CLAUSE, companyId } })
  ).createSocialClause.id;
  placementId = (
    await referent.data(`mutation($input: PlaceOnSocialClauseInput!) { placeOnSocialClause(input: $input) { id } }`, {
      input: { clauseId, participantId, kind: 'MADE_AVAILABLE', intermediaryId: aci, startsOn: '2026-09-01' },
    })
  ).placeOnSocialClause.id;
  await referent.data(`mutation($input: RecordClauseHoursInput!) { recordClauseHours(input: $input) { id } }`, {
    input: { placementId, fromOn: '2026-09-01', toOn: '2026-09-05', hours: 35 },
  });
  const stranger = await login(other.users.referent.email);
  otherCompanyId = (
    await stranger.data(`mutation($input: CreateCompanyInput!) { createCompany(input: $input) { id } }`, {
      input: { siret: '66778899000014', name: 'Entreprise voisine', kind: 'CLASSIC', contacts: [] },
    })
  ).createCompany.id;
});
afterAll(() => server.close());

const READS = [
  `{ socialClauses { totalCount } }`,
  `{ a: socialClauses(filter: { status: LATE }) { totalCount } b: socialClauses(filter: { status: OPEN }) { edges { node { id } } } }`,
  `{ socialClauses { edges { node { ...C } } } } fragment C on SocialClause { placements { participantName hours { hours } } }`,
];

describe('social clauses and partners', () => {
  it('refuses every partner the clauses, a clause, its placements and hours, by name, alias or fragment', async () => {
    for (const email of [tenant.users.partner.email, tenant.users.aci.email, tenant.users.trainer.email]) {
      const partner = await login(email);
      for (const query of READS) expect(codeOf(await partner.request(query)), `${email}: ${query}`).toBe('FORBIDDEN');
      expect(codeOf(await partner.request(`query($id: ID!) { socialClause(id: $id) { placements { participantName } } }`, { id: clauseId })), email).toBe(
        'FORBIDDEN',
      );
      expect((await partner.request(`query($id: ID!) { node(id: $id) { id } }`, { id: clauseId })).data?.node ?? null, email).toBeNull();
    }
  });

  it('refuses every partner a write: a clause, a placement, hours, a change', async () => {
    const aci = await login(tenant.users.aci.email);
    const writes: Array<[string, Record<string, unknown>]> = [
      [
        `mutation($input: CreateSocialClauseInput!) { createSocialClause(input: $input) { id } }`,
        { ...CLAUSE, companyId: toGlobalId('Company', randomUUID()) },
      ],
      [`mutation($input: UpdateSocialClauseInput!) { updateSocialClause(input: $input) { id } }`, { ...CLAUSE, id: clauseId, version: 1 }],
      [
        `mutation($input: PlaceOnSocialClauseInput!) { placeOnSocialClause(input: $input) { id } }`,
        { clauseId, participantId, kind: 'DIRECT_HIRE', startsOn: '2026-10-01' },
      ],
      [
        `mutation($input: RecordClauseHoursInput!) { recordClauseHours(input: $input) { id } }`,
        { placementId, fromOn: '2026-09-08', toOn: '2026-09-09', hours: 14 },
      ],
      [
        `mutation($input: UpdateClausePlacementInput!) { updateClausePlacement(input: $input) { id } }`,
        { id: placementId, version: 1, kind: 'DIRECT_HIRE', startsOn: '2026-09-01' },
      ],
    ];
    const { socialClause } = await (
      await login(tenant.users.referent.email)
    ).data(`query($id: ID!) { socialClause(id: $id) { placements { hours { id } } } }`, { id: clauseId });
    writes.push([`mutation($input: RemoveClauseHoursInput!) { removeClauseHours(input: $input) { id } }`, { id: socialClause.placements[0].hours[0].id }]);
    for (const [mutation, input] of writes) expect(codeOf(await aci.request(mutation, { input })), mutation).toBe('FORBIDDEN');
    const referent = await login(tenant.users.referent.email);
    const read = await referent.data(`query($id: ID!) { socialClause(id: $id) { version progress { hoursDone } placements { version } } }`, { id: clauseId });
    expect(read.socialClause).toEqual({ version: 1, progress: { hoursDone: 35 }, placements: [{ version: 1 }] });
  });

  it('gives another PLIE nothing, even with the ids, and lets no one place another PLIE’s person', async () => {
    const stranger = await login(other.users.referent.email);
    expect(codeOf(await stranger.request(`query($id: ID!) { socialClause(id: $id) { buyer } }`, { id: clauseId }))).toBe('NOT_FOUND');
    expect(codeOf(await stranger.request(`query($id: ID!) { socialClause(id: $id) { buyer } }`, { id: toGlobalId('SocialClause', randomUUID()) }))).toBe(
      'NOT_FOUND',
    );
    expect((await stranger.data(`{ socialClauses { totalCount } }`)).socialClauses.totalCount).toBe(0);
    expect(
      (await stranger.data(`query($id: ID!) { socialClauses(filter: { companyId: $id }) { totalCount } }`, { id: otherCompanyId })).socialClauses.totalCount,
    ).toBe(0);
    const hours = await stranger.request(`mutation($input: RecordClauseHoursInput!) { recordClauseHours(input: $input) { id } }`, {
      input: { placementId, fromOn: '2026-09-08', toOn: '2026-09-09', hours: 14 },
    });
    expect(hours.errors?.[0]?.extensions).toMatchObject({ code: 'NOT_FOUND', field: 'placementId' });
    const place = await stranger.request(`mutation($input: PlaceOnSocialClauseInput!) { placeOnSocialClause(input: $input) { id } }`, {
      input: { clauseId, participantId, kind: 'DIRECT_HIRE', startsOn: '2026-10-01' },
    });
    expect(place.errors?.[0]?.extensions).toMatchObject({ code: 'NOT_FOUND', field: 'clauseId' });
    const { socialClause } = await (
      await login(tenant.users.referent.email)
    ).data(`query($id: ID!) { socialClause(id: $id) { placements { hours { id } } } }`, { id: clauseId });
    const remove = await stranger.request(`mutation($input: RemoveClauseHoursInput!) { removeClauseHours(input: $input) { id } }`, {
      input: { id: socialClause.placements[0].hours[0].id },
    });
    expect(remove.errors?.[0]?.extensions).toMatchObject({ code: 'NOT_FOUND', field: 'id' });
    // Its own clause, with a person of this PLIE.
    const { createSocialClause } = await stranger.data(`mutation($input: CreateSocialClauseInput!) { createSocialClause(input: $input) { id } }`, {
      input: { ...CLAUSE, companyId: otherCompanyId },
    });
    const foreign = await stranger.request(`mutation($input: PlaceOnSocialClauseInput!) { placeOnSocialClause(input: $input) { id } }`, {
      input: { clauseId: createSocialClause.id, participantId, kind: 'DIRECT_HIRE', startsOn: '2026-10-01' },
    });
    expect(foreign.errors?.[0]?.extensions).toMatchObject({ code: 'NOT_FOUND', field: 'participantId' });
    // Nor a clause on this PLIE's company.
    const onOurs = await stranger.request(`mutation($input: CreateSocialClauseInput!) { createSocialClause(input: $input) { id } }`, {
      input: { ...CLAUSE, companyId },
    });
    expect(onOurs.errors?.[0]?.extensions).toMatchObject({ code: 'NOT_FOUND', field: 'companyId' });
  });
});
