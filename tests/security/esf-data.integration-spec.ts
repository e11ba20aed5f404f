import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTenantFixture, type TenantFixture, loggedIn } from '@jalon/api/src/testing/fixtures';
import { GraphqlClient } from '@jalon/api/src/testing/graphql-client';
import { startTestServer, type TestServer } from '@jalon/api/src/testing/test-server';
import { uploadFile } from '@jalon/api/src/testing/upload';
import { parseGlobalId } from '@jalon/api/src/graphql/relay';

/**
 * ESF+ data rests on a legal obligation, never on consent: a partner shown everything a consent
 * can share still reads no ESF+ item, operation or indicator, however it asks (aliases,
 * fragments, guessed ids, the download routes), nor what the managing authority answered about
 * the person, and another PLIE reaches none of it.
 * (Row by row in SQL: rls-by-table.integration-spec.ts, esf_* tables.)
 */
let server: TestServer;
let tenant: TenantFixture;
let other: TenantFixture;
let partner: GraphqlClient;
let participantId: string;
let pathwayId: string;
let operationId: string;
let exportId: string;
let animation: GraphqlClient;

const ALL_CLASSES = ['PATHWAY_STATUS', 'IDENTITY_CONTACT', 'STAGE_LIST', 'STAGE_DETAILS', 'APPOINTMENTS', 'DIAGNOSIS', 'EXIT_FOLLOW_UP'];

const login = (email: string) => loggedIn(server, email);

beforeAll(async () => {
  server = await startTestServer();
  tenant = await createTenantFixture(server, 'FSE sécurité');
  other = await createTenantFixture(server, 'FSE ailleurs');
  const referent = await login(tenant.users.referent.email);
  animation = await login(tenant.users.animation.email);
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
  // The file sent to the managing authority, which rejected the person's line.
  exportId = (
    await animation.data(`mutation($input: CreateEsfExportInput!) { createEsfExport(input: $input) { id } }`, { input: { operationId, complete: true } })
  ).createEsfExport.id;
  const rejected = await uploadFile(
    server.app,
    `/esf/exports/${exportId}/error-file`,
    animation.cookie!,
    'erreurs.csv',
    `ID_PARTICIPANT;MOTIF_REJET\r\n${parseGlobalId(pathwayId, 'Pathway')!.id};Handicap déclaré sans justificatif\r\n`,
  );
  expect(rejected.statusCode).toBe(201);
  partner = await login(tenant.users.partner.email);
});
afterAll(() => server.close());

const ESF_FIELDS = 'employmentSituation educationLevel disability minority minimumIncome esfVersion exitEmployed exitAnsweredOn sixMonthEmployed';

describe('ESF+ data and partners', () => {
  it('shows a partner with every consent the file, and not one ESF+ item, by name, alias or fragment', async () => {
    const response = await partner.request(
      `query($id: ID!) { participant(id: $id) { lastName currentPathway { status ${ESF_FIELDS} }
         op: esfOperation { fileNumber } moves: esfOperationChanges { reason } rejection: esfRejection { reason }
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
    expect(file.rejection).toBeNull();
    expect(file.esfOperation).toBeNull();
    expect(file.pathways.every((p: Record<string, unknown>) => p.handicap === null && p.situation === null)).toBe(true);
    const redacted = (response.extensions?.redacted as Array<{ path: string; dataClass: string }>).map((r) => r.path);
    expect(redacted).toEqual(
      expect.arrayContaining(['participant.currentPathway.disability', 'participant.op', 'participant.rejection', 'participant.pathways.0.handicap']),
    );
    // The staff see it: the rejection is there to be hidden.
    const staff = await animation.data(`query($id: ID!) { participant(id: $id) { esfRejection { reason } } }`, { id: participantId });
    expect(staff.participant.esfRejection).toEqual({ reason: 'Handicap déclaré sans justificatif' });
  });

  it('refuses a partner the files sent to the managing authority and their answers, by query, mutation or route', async () => {
    const code = async (query: string, variables: Record<string, unknown>) => (await partner.request(query, variables)).errors?.[0]?.extensions?.code;
    expect(await code(`query($id: ID!) { esfExports(operationId: $id) { id rejections { reason } } }`, { id: operationId })).toBe('FORBIDDEN');
    expect(await code(`mutation($input: CreateEsfExportInput!) { createEsfExport(input: $input) { id } }`, { input: { operationId, complete: true } })).toBe(
      'FORBIDDEN',
    );
    expect(await code(`mutation($id: ID!) { acceptEsfExport(exportId: $id, version: 1) { id } }`, { id: exportId })).toBe('FORBIDDEN');
    const download = await server.app.inject({ method: 'GET', url: `/esf/exports/${exportId}/file.csv`, headers: { cookie: partner.cookie! } });
    expect(download.statusCode).toBe(403);
    const upload = await uploadFile(server.app, `/esf/exports/${exportId}/error-file`, partner.cookie!, 'e.csv', 'ID_PARTICIPANT;MOTIF_REJET\r\n');
    expect(upload.statusCode).toBe(403);
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
    expect((await foreign.request(`query($id: ID!) { esfExports(operationId: $id) { id } }`, { id: operationId })).errors?.[0]?.extensions?.code).toBe(
      'NOT_FOUND',
    );
    const download = await server.app.inject({ method: 'GET', url: `/esf/exports/${exportId}/file.csv`, headers: { cookie: foreign.cookie! } });
    expect(download.statusCode).toBe(404);
    const upload = await uploadFile(server.app, `/esf/exports/${exportId}/error-file`, foreign.cookie!, 'e.csv', 'ID_PARTICIPANT;MOTIF_REJET\r\n');
    expect(upload.statusCode).toBe(404);
    const accept = await foreign.request(`mutation($id: ID!) { acceptEsfExport(exportId: $id, version: 1) { id } }`, { id: exportId });
    expect(accept.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
  });
});
