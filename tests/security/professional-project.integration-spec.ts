import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTenantFixture, type TenantFixture, loggedIn } from '@jalon/api/src/testing/fixtures';
import { GraphqlClient } from '@jalon/api/src/testing/graphql-client';
import { startTestServer, type TestServer } from '@jalon/api/src/testing/test-server';

/**
 * The professional project is the referent's working record, as the commitment contract: no
 * partner reads or writes it, nor the suggestions drawn from it, however it asks. The trades the
 * person held before are part of her diagnosis: a partner reads them only under a consent in force
 * that shares the diagnosis, and nothing once it is withdrawn. Another PLIE reaches none of it.
 */
let server: TestServer;
let tenant: TenantFixture;
let other: TenantFixture;
let partner: GraphqlClient;
let participantId: string;
let pathwayId: string;
let consent: { id: string; version: number };

const login = (email: string) => loggedIn(server, email);

const REVOKE = `mutation($id: ID!, $version: Int!) { revokeConsent(consentId: $id, version: $version, reason: "Demande de la personne") { id } }`;
const codeOf = (response: { errors?: Array<{ extensions?: Record<string, unknown> }> }) => response.errors?.[0]?.extensions?.code;

beforeAll(async () => {
  server = await startTestServer();
  tenant = await createTenantFixture(server, 'Projet sécurité');
  other = await createTenantFixture(server, 'Projet ailleurs');
  const referent = await login(tenant.users.referent.email);
  const created = await referent.data(`mutation($input: CreateParticipantInput!) { createParticipant(input: $input) { id currentPathway { id } } }`, {
    input: { details: { firstName: 'Projet', lastName: 'Protégé', birthDate: '1980-01-01' }, referralDate: '2026-01-05' },
  });
  participantId = created.createParticipant.id;
  pathwayId = created.createParticipant.currentPathway.id;
  await referent.data(`mutation($input: RecordPastTradesInput!) { recordPastTrades(input: $input) { version } }`, {
    input: { pathwayId, romeCodes: ['K2204'] },
  });
  await referent.data(`mutation($input: RecordProfessionalProjectInput!) { recordProfessionalProject(input: $input) { number } }`, {
    input: { pathwayId, amends: 0, targets: [{ romeCode: 'K2201', status: 'CONFIRMED', skillsAcquired: ['Soin du linge'], skillsToAcquire: [] }] },
  });
  const granted = await referent.data(`mutation($input: GrantConsentInput!) { grantConsent(input: $input) { id version } }`, {
    input: {
      participantId,
      granteeOrganisationId: tenant.organisations.commune.globalId,
      dataClasses: ['PATHWAY_STATUS', 'IDENTITY_CONTACT', 'DIAGNOSIS'],
      purpose: 'REFERRAL_FOLLOW_UP',
      method: 'SIGNED_FORM',
      collectedOn: '2026-01-20',
      noticeVersion: 'notice-2026-01',
    },
  });
  consent = granted.grantConsent;
  partner = await login(tenant.users.partner.email);
});
afterAll(() => server.close());

describe('the professional project and partners', () => {
  it('refuses a partner, with every consent, the project, its suggestions and the trade sheets, by name or alias', async () => {
    expect(codeOf(await partner.request(`query($id: ID!) { professionalProjects(pathwayId: $id) { number } }`, { id: pathwayId }))).toBe('FORBIDDEN');
    expect(codeOf(await partner.request(`query($id: ID!) { p: professionalProjects(pathwayId: $id) { t: targets { status } } }`, { id: pathwayId }))).toBe(
      'FORBIDDEN',
    );
    expect(codeOf(await partner.request(`query($id: ID!) { tradeSuggestions(pathwayId: $id) { trade { code } } }`, { id: pathwayId }))).toBe('FORBIDDEN');
    expect(codeOf(await partner.request(`{ s: tradeSheet(code: "K2204") { definition } }`))).toBe('FORBIDDEN');
  });

  it('refuses a partner every write: the project and the past trades', async () => {
    const project = await partner.request(`mutation($input: RecordProfessionalProjectInput!) { recordProfessionalProject(input: $input) { number } }`, {
      input: { pathwayId, amends: 1, targets: [] },
    });
    expect(codeOf(project)).toBe('FORBIDDEN');
    const past = await partner.request(`mutation($input: RecordPastTradesInput!) { recordPastTrades(input: $input) { version } }`, {
      input: { pathwayId, version: 1, romeCodes: [] },
    });
    expect(codeOf(past)).toBe('FORBIDDEN');
  });

  it('shows the past trades under the shared diagnosis, by fragment too, and nothing once the consent is withdrawn', async () => {
    const QUERY = `query($id: ID!) { participant(id: $id) { diagnosis { pastTrades { code } ...Past } } }
      fragment Past on Diagnosis { held: pastTrades { label } }`;
    const shared = await partner.data(QUERY, { id: participantId });
    expect(shared.participant.diagnosis.pastTrades).toEqual([{ code: 'K2204' }]);
    expect(shared.participant.diagnosis.held).toHaveLength(1);

    const referent = await login(tenant.users.referent.email);
    await referent.data(REVOKE, { id: consent.id, version: consent.version });
    const withdrawn = await partner.request(QUERY, { id: participantId });
    expect(withdrawn.data?.participant ?? null).toBeNull();
  });

  it('gives another PLIE nothing of the project, even with the pathway id', async () => {
    const stranger = await login(other.users.referent.email);
    expect(codeOf(await stranger.request(`query($id: ID!) { professionalProjects(pathwayId: $id) { number } }`, { id: pathwayId }))).toBe('NOT_FOUND');
    expect(codeOf(await stranger.request(`query($id: ID!) { tradeSuggestions(pathwayId: $id) { trade { code } } }`, { id: pathwayId }))).toBe('NOT_FOUND');
    const write = await stranger.request(`mutation($input: RecordProfessionalProjectInput!) { recordProfessionalProject(input: $input) { number } }`, {
      input: { pathwayId, amends: 1, targets: [] },
    });
    expect(codeOf(write)).toBe('NOT_FOUND');
  });
});
