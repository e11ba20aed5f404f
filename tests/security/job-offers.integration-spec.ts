import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTenantFixture, type TenantFixture, loggedIn } from '@jalon/api/src/testing/fixtures';
import type { GraphqlClient } from '@jalon/api/src/testing/graphql-client';
import { todayInFrance } from '@jalon/api/src/graphql/date-input';
import { startTestServer, type TestServer } from '@jalon/api/src/testing/test-server';

/**
 * A candidacy is about a person: the employer whose offer it is sees it (her identity and the
 * summary written for it, never her file) only under a consent in force that shares JOB_APPLICATION
 * with it, however it asks (aliases, fragments, guessed ids), and nothing once it is withdrawn or
 * refused to its kind. Offers are the PLIE's, or a partner employer's own: no other partner, and no
 * other PLIE, reads or writes them; the matching reads whole projects and is staff only.
 */
let server: TestServer;
let tenant: TenantFixture;
let other: TenantFixture;
let referent: GraphqlClient;
let aci: GraphqlClient;
let offerId: string;
let participantId: string;
let candidacy: { id: string; version: number };
let hiddenCandidacy: { id: string; version: number };
let consent: { id: string; version: number };

const ACI_SIRET = '73282932000074';
const codeOf = (response: { errors?: Array<{ extensions?: Record<string, unknown> }> }) => response.errors?.[0]?.extensions?.code;
const EMPLOYER_VIEW = `query($id: ID!) { jobOffer(id: $id) { candidacies { id summary participant { firstName phone } } } }`;
const ANSWER = `mutation($input: AnswerCandidacyInput!) { answerCandidacy(input: $input) { status } }`;

async function proposed(firstName: string): Promise<{ participantId: string; candidacy: { id: string; version: number } }> {
  const { createParticipant } = await referent.data(
    `mutation($details: ParticipantDetailsInput!) { createParticipant(input: { details: $details, confirmNotDuplicate: true }) { id currentPathway { id version } } }`,
    { details: { firstName, lastName: 'Candidate', birthDate: '1990-02-02', phone: '0611223344', communeCode: '38151' } },
  );
  const pathwayId = createParticipant.currentPathway.id;
  await referent.data(`mutation($input: ChangePathwayStatusInput!) { changePathwayStatus(input: $input) { id } }`, {
    input: { pathwayId, version: createParticipant.currentPathway.version, status: 'ACTIVE', date: todayInFrance(new Date()) },
  });
  const { proposeCandidacy } = await referent.data(`mutation($input: ProposeCandidacyInput!) { proposeCandidacy(input: $input) { id version } }`, {
    input: { offerId, pathwayId, summary: `Présentation de ${firstName}` },
  });
  return { participantId: createParticipant.id, candidacy: proposeCandidacy };
}

beforeAll(async () => {
  server = await startTestServer();
  tenant = await createTenantFixture(server, 'Offres sécurité');
  other = await createTenantFixture(server, 'Offres ailleurs');
  await server.asOwner((em) => em.execute('update organisation set siret = ? where id = ?', [ACI_SIRET, tenant.organisations.siae.id]));
  referent = await loggedIn(server, tenant.users.referent.email);
  const { createCompany } = await referent.data(`mutation($input: CreateCompanyInput!) { createCompany(input: $input) { id } }`, {
    input: { siret: ACI_SIRET, name: 'ACI suivie', kind: 'INTEGRATION', contacts: [] },
  });
  const { createJobOffer } = await referent.data(`mutation($input: CreateJobOfferInput!) { createJobOffer(input: $input) { id } }`, {
    input: {
      title: 'Agent·e d’entretien',
      romeCode: 'K2204',
      communeCode: '38151',
      contractType: 'CDDI',
      durationMonths: 6,
      weeklyHours: 26,
      positions: 2,
      source: 'COMPANY',
      companyId: createCompany.id,
    },
  });
  offerId = createJobOffer.id;
  ({ participantId, candidacy } = await proposed('Sabrina'));
  ({ candidacy: hiddenCandidacy } = await proposed('Inès'));
  const { grantConsent } = await referent.data(`mutation($input: GrantConsentInput!) { grantConsent(input: $input) { id version } }`, {
    input: {
      participantId,
      granteeOrganisationId: tenant.organisations.siae.globalId,
      dataClasses: ['JOB_APPLICATION'],
      purpose: 'JOB_APPLICATION',
      method: 'SIGNED_FORM',
      collectedOn: todayInFrance(new Date()),
      noticeVersion: 'notice-2026-11',
    },
  });
  consent = grantConsent;
  aci = await loggedIn(server, tenant.users.aci.email);
});
afterAll(() => server.close());

describe('candidacies and the employer', () => {
  it('shows the employer the shared candidacy only, by alias and fragment, with the name but not the phone it was not granted', async () => {
    const seen = await aci.request(
      `query($id: ID!) { o: jobOffer(id: $id) { c: candidacies { ...C } } } fragment C on Candidacy { id s: summary participant { firstName phone } }`,
      { id: offerId },
    );
    expect(seen.data?.o).toEqual({ c: [{ id: candidacy.id, s: 'Présentation de Sabrina', participant: { firstName: 'Sabrina', phone: null } }] });
    const staff = await referent.data(`query($id: ID!) { jobOffer(id: $id) { candidacies { id } } }`, { id: offerId });
    expect(staff.jobOffer.candidacies).toHaveLength(2);
  });

  it('refuses the employer a candidacy it was not shared, by its guessed id, and the matching and files', async () => {
    expect(codeOf(await aci.request(ANSWER, { input: { id: hiddenCandidacy.id, version: hiddenCandidacy.version, answer: 'RETAINED' } }))).toBe('NOT_FOUND');
    expect(codeOf(await aci.request(`query($id: ID!) { jobOffer(id: $id) { matches { participant { firstName } } } }`, { id: offerId }))).toBe('FORBIDDEN');
    expect(codeOf(await aci.request(`query($id: ID!) { jobOffer(id: $id) { m: matchCount } }`, { id: offerId }))).toBe('FORBIDDEN');
    expect(codeOf(await aci.request(`{ jobOffers { totalCount } }`))).toBe('FORBIDDEN');
    const outcome = await aci.request(`mutation($input: RecordCandidacyOutcomeInput!) { recordCandidacyOutcome(input: $input) { status } }`, {
      input: { id: candidacy.id, version: candidacy.version, outcome: 'WITHDRAWN', reason: 'Essai' },
    });
    expect(codeOf(outcome)).toBe('FORBIDDEN');
  });

  it('logs the employer’s read of the candidacy in the access log', async () => {
    await aci.data(EMPLOYER_VIEW, { id: offerId });
    const animation = await loggedIn(server, tenant.users.animation.email);
    const { accessLog } = await animation.data(`query($id: ID!) { accessLog(participantId: $id) { edges { node { dataClasses } } } }`, { id: participantId });
    expect(accessLog.edges.some((e: { node: { dataClasses: string[] } }) => e.node.dataClasses.includes('JOB_APPLICATION'))).toBe(true);
  });

  it('hides the candidacy at the next request once the consent is withdrawn, and refuses the answer then', async () => {
    expect((await aci.data(EMPLOYER_VIEW, { id: offerId })).jobOffer.candidacies).toHaveLength(1);
    expect((await aci.data(`{ candidaciesToAnswer }`)).candidaciesToAnswer).toBe(1);
    await referent.data(
      `mutation($id: ID!, $version: Int!) { revokeConsent(consentId: $id, version: $version, reason: "Demande de la personne") { id } }`,
      consent,
    );
    expect((await aci.data(EMPLOYER_VIEW, { id: offerId })).jobOffer.candidacies).toEqual([]);
    expect((await aci.data(`{ candidaciesToAnswer }`)).candidaciesToAnswer).toBe(0);
    expect(codeOf(await aci.request(ANSWER, { input: { id: candidacy.id, version: candidacy.version, answer: 'RETAINED' } }))).toBe('NOT_FOUND');
  });

  it('keeps a candidacy hidden from an employer whose kind the person refused, whatever it was granted', async () => {
    const terms = { participantId, method: 'SIGNED_FORM', collectedOn: todayInFrance(new Date()), noticeVersion: 'notice-2026-11', purpose: 'JOB_APPLICATION' };
    await referent.data(`mutation($input: GrantConsentInput!) { grantConsent(input: $input) { id } }`, {
      input: { ...terms, granteeOrganisationId: tenant.organisations.siae.globalId, dataClasses: ['JOB_APPLICATION'] },
    });
    expect((await aci.data(EMPLOYER_VIEW, { id: offerId })).jobOffer.candidacies).toHaveLength(1);
    await referent.data(`mutation($input: GrantConsentInput!) { grantConsent(input: $input) { id } }`, {
      input: { ...terms, granteeKind: 'INTEGRATION_COMPANY', effect: 'REFUSAL', dataClasses: ['JOB_APPLICATION'] },
    });
    expect((await aci.data(EMPLOYER_VIEW, { id: offerId })).jobOffer.candidacies).toEqual([]);
  });
});

describe('offers and other partners, other PLIEs', () => {
  it('refuses a commune and a training operator the offers, reading or posting', async () => {
    for (const email of [tenant.users.partner.email, tenant.users.trainer.email]) {
      const partner = await loggedIn(server, email);
      expect(codeOf(await partner.request(`{ postedJobOffers { totalCount } }`))).toBe('FORBIDDEN');
      expect(codeOf(await partner.request(`query($id: ID!) { jobOffer(id: $id) { title } }`, { id: offerId }))).toBe('FORBIDDEN');
      const post = await partner.request(`mutation($input: CreateJobOfferInput!) { createJobOffer(input: $input) { id } }`, {
        input: { title: 'X', romeCode: 'K2204', communeCode: '38151', contractType: 'CDI', weeklyHours: 35, positions: 1 },
      });
      expect(codeOf(post)).toBe('FORBIDDEN');
    }
  });

  it('gives another PLIE nothing: not the offer, not its candidacies, not a candidacy to propose on it', async () => {
    const stranger = await loggedIn(server, other.users.referent.email);
    expect(codeOf(await stranger.request(`query($id: ID!) { jobOffer(id: $id) { title } }`, { id: offerId }))).toBe('NOT_FOUND');
    const strangerAci = await loggedIn(server, other.users.aci.email);
    expect(codeOf(await strangerAci.request(`query($id: ID!) { jobOffer(id: $id) { candidacies { id } } }`, { id: offerId }))).toBe('NOT_FOUND');
    expect((await strangerAci.data(`{ candidaciesToAnswer postedJobOffers { totalCount } }`)).postedJobOffers.totalCount).toBe(0);
    const post = await strangerAci.request(`mutation($input: CreateJobOfferInput!) { createJobOffer(input: $input) { id } }`, {
      input: { title: 'X', romeCode: 'K2204', communeCode: '38151', contractType: 'CDI', weeklyHours: 35, positions: 1 },
    });
    expect(post.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(post.errors?.[0]?.message).toContain('pas encore une entreprise suivie');
    expect(codeOf(await strangerAci.request(ANSWER, { input: { id: candidacy.id, version: candidacy.version, answer: 'RETAINED' } }))).toBe('NOT_FOUND');
    const { createParticipant } = await stranger.data(
      `mutation($details: ParticipantDetailsInput!) { createParticipant(input: { details: $details }) { currentPathway { id } } }`,
      { details: { firstName: 'Autre', lastName: 'Plie', birthDate: '1990-01-01' } },
    );
    const propose = await stranger.request(`mutation($input: ProposeCandidacyInput!) { proposeCandidacy(input: $input) { id } }`, {
      input: { offerId, pathwayId: createParticipant.currentPathway.id, summary: 'Essai' },
    });
    expect(codeOf(propose)).toBe('NOT_FOUND');
  });
});
