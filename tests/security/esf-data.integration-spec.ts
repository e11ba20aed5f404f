import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTenantFixture, FIXTURE_PASSWORD, type TenantFixture } from '@jalon/api/src/testing/fixtures';
import { GraphqlClient } from '@jalon/api/src/testing/graphql-client';
import { startTestServer, type TestServer } from '@jalon/api/src/testing/test-server';

/**
 * ESF+ data rests on a legal obligation, never on consent: a partner shown everything a consent
 * can share still reads no ESF+ item, operation or indicator, however it asks (aliases,
 * fragments, guessed ids, the download routes), and another PLIE reaches none of it.
 * (Row by row in SQL: rls-by-table.integration-spec.ts, esf_* tables.)
 */
let server: TestServer;
let tenant: TenantFixture;
let other: TenantFixture;
let partner: GraphqlClient;
let participantId: string;
let pathwayId: string;
let operationId: string;

const ALL_CLASSES = ['PATHWAY_STATUS', 'IDENTITY_CONTACT', 'STAGE_LIST', 'STAGE_DETAILS', 'APPOINTMENTS', 'DIAGNOSIS', 'EXIT_FOLLOW_UP'];

async function login(email: string): Promise<GraphqlClient> {
  const client = new GraphqlClient(server.app);
  await client.login(email, FIXTURE_PASSWORD);
  return client;
}

beforeAll(async () => {
  server = await startTestServer();
  tenant = await createTenantFixture(server, 'FSE sécurité');
  other = await createTenantFixture(server, 'FSE ailleurs');
  const referent = await login(tenant.users.referent.email);
  const animation = await login(tenant.users.animation.email);
  operationId = (
    await animation.data(`mutation($input: SaveEsfOperationInput!) { saveEsfOperation(input: $input) { id } }`, {
      input: { fileNumber: '202511111', title: 'Opération', startsOn: '2025-01-01', endsOn: '2027-12-31', beneficiary: 'Métropole' },
    })
  ).saveEsfOperation.id;
  const created = await referent.data(`mutation($input: CreateParticipantInput!) { createParticipant(input: $input) { id currentPathway { id version } } }`, {
    input: {
      details: { firstName: 'Fse', lastName: 'Protégée', birthDate: '1980-01-01' },
      referralDate: '2026-01-05',
      entry: { employmentSituation: 'LONG_TERM_UNEMPLOYED', educationLevel: 2, disability: 'YES', minority: 'YES', minimumIncome: 'YES' },
    },
  });
  participantId = created.createParticipant.id;
  pathwayId = created.createParticipant.currentPathway.id;
  await referent.data(`mutation($input: ChangePathwayStatusInput!) { changePathwayStatus(input: $input) { id } }`, {
    input: { pathwayId, version: created.createParticipant.currentPathway.version, status: 'ACTIVE', date: '2026-01-20' },
  });
  await referent.data(`mutation($input: GrantConsentInput!) { grantConsent(input: $input) { id } }`, {
    input: {
      participantId,
      granteeOrganisationId: tenant.organisations.commune.globalId,
      dataClasses: ALL_CLASSES,
      purpose: 'REFERRAL_FOLLOW_UP',
      method: 'SIGNED_FORM',
      collectedOn: '2026-01-20',
      noticeVersion: 'notice-2026-01',
    },
  });
  partner = await login(tenant.users.partner.email);
});
afterAll(() => server.close());

const ESF_FIELDS = 'employmentSituation educationLevel disability minority minimumIncome esfVersion exitEmployed exitAnsweredOn sixMonthEmployed';

describe('ESF+ data and partners', () => {
  it('shows a partner with every consent the file, and not one ESF+ item, by name, alias or fragment', async () => {
    const response = await partner.request(
      `query($id: ID!) { participant(id: $id) { lastName currentPathway { status ${ESF_FIELDS} }
         op: esfOperation { fileNumber } moves: esfOperationChanges { reason }
         ...Esf } }
       fragment Esf on Participant { pathways { handicap: disability situation: employmentSituation } esfOperation { title } }`,
      { id: participantId },
    );
    const file = response.data!.participant;
    expect(file.lastName).toBe('Protégée');
    expect(file.currentPathway.status).toBe('ACTIVE');
    for (const field of ESF_FIELDS.split(' ')) expect(file.currentPathway[field], field).toBeNull();
    expect(file.op).toBeNull();
    expect(file.moves).toBeNull();
    expect(file.esfOperation).toBeNull();
    expect(file.pathways.every((p: Record<string, unknown>) => p.handicap === null && p.situation === null)).toBe(true);
    const redacted = (response.extensions?.redacted as Array<{ path: string; dataClass: string }>).map((r) => r.path);
    expect(redacted).toEqual(expect.arrayContaining(['participant.currentPathway.disability', 'participant.op', 'participant.pathways.0.handicap']));
  });

  it('refuses a partner the operations, the indicators, the downloads and every ESF+ mutation, guessed ids included', async () => {
    expect((await partner.request(`{ esfOperations { id } }`)).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(
      (await partner.request(`query($id: ID!) { esfIndicators(operationId: $id) { outputs { code } } }`, { id: operationId })).errors?.[0]?.extensions?.code,
    ).toBe('FORBIDDEN');
    expect((await partner.request(`query($id: ID!) { esfExportCheck(operationId: $id) { lines } }`, { id: operationId })).errors?.[0]?.extensions?.code).toBe(
      'FORBIDDEN',
    );
    const file = await server.app.inject({ method: 'GET', url: `/esf/indicators.xlsx?operationId=${operationId}`, headers: { cookie: partner.cookie! } });
    expect(file.statusCode).toBe(403);
    const exit = await partner.request(`mutation($input: RecordEsfExitInput!) { recordEsfExit(input: $input) { id } }`, {
      input: { pathwayId, version: 1, answeredOn: '2026-02-01', jobSearching: 'YES', inTraining: 'NO', qualification: 'NO', employed: 'NO' },
    });
    expect(exit.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const entry = await partner.request(`mutation($input: UpdatePathwayEntryInput!) { updatePathwayEntry(input: $input) { id } }`, {
      input: { pathwayId, version: 1, entry: { disability: 'NO' } },
    });
    expect(entry.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });

  it('lets no other PLIE reach the operation or the pathway', async () => {
    const foreign = await login(other.users.animation.email);
    expect((await foreign.data(`{ esfOperations { id } }`)).esfOperations).toEqual([]);
    expect(
      (await foreign.request(`query($id: ID!) { esfIndicators(operationId: $id) { outputs { code } } }`, { id: operationId })).errors?.[0]?.extensions?.code,
    ).toBe('NOT_FOUND');
    const move = await foreign.request(`mutation($input: ChangePathwayOperationInput!) { changePathwayOperation(input: $input) { id } }`, {
      input: { pathwayId, version: 1, operationId, reason: 'Essai' },
    });
    expect(move.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
  });
});
