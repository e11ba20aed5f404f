import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTenantFixture, loggedIn, type TenantFixture } from '../../testing/fixtures';
import type { GraphqlClient } from '../../testing/graphql-client';
import { startTestServer, type TestServer } from '../../testing/test-server';
import { todayInFrance } from '../../graphql/date-input';

let server: TestServer;
let tenant: TenantFixture;
let referent: GraphqlClient;
let aci: GraphqlClient;
let aciCompanyId: string;

const ACI_SIRET = '73282932000074';
const ECHIROLLES = '38151';
const GRENOBLE = '38185';
const CLERMONT = '63113';

beforeAll(async () => {
  server = await startTestServer();
  tenant = await createTenantFixture(server, 'Offres');
  await server.asOwner((em) => em.execute('update organisation set siret = ? where id = ?', [ACI_SIRET, tenant.organisations.siae.id]));
  referent = await loggedIn(server, tenant.users.referent.email);
  aci = await loggedIn(server, tenant.users.aci.email);
  const { createCompany } = await referent.data(`mutation($input: CreateCompanyInput!) { createCompany(input: $input) { id partner { name } } }`, {
    input: { siret: ACI_SIRET, name: 'Jardins de l’Isère', kind: 'INTEGRATION', communeCode: ECHIROLLES, contacts: [] },
  });
  expect(createCompany.partner).not.toBeNull();
  aciCompanyId = createCompany.id;
});
afterAll(() => server.close());

const fieldsOf = (response: { errors?: Array<{ extensions?: Record<string, unknown> }> }) =>
  (response.errors?.[0]?.extensions?.fields as Array<{ field: string }> | undefined)?.map((f) => f.field);

/** A person of the PLIE living in a commune, aiming at trades, her pathway active unless said otherwise. */
async function person(firstName: string, communeCode: string, trades: string[], active = true) {
  const { createParticipant } = await referent.data(
    `mutation($details: ParticipantDetailsInput!) { createParticipant(input: { details: $details, confirmNotDuplicate: true }) { id currentPathway { id version } } }`,
    { details: { firstName, lastName: 'Offres', birthDate: '1988-03-03', communeCode } },
  );
  const pathwayId = createParticipant.currentPathway.id;
  if (active)
    await referent.data(`mutation($input: ChangePathwayStatusInput!) { changePathwayStatus(input: $input) { id } }`, {
      input: { pathwayId, version: createParticipant.currentPathway.version, status: 'ACTIVE', date: todayInFrance(new Date()) },
    });
  await referent.data(`mutation($input: RecordProfessionalProjectInput!) { recordProfessionalProject(input: $input) { number } }`, {
    input: { pathwayId, amends: 0, targets: trades.map((romeCode) => ({ romeCode, status: 'CONFIRMED', skillsAcquired: [], skillsToAcquire: [] })) },
  });
  return { participantId: createParticipant.id as string, pathwayId: pathwayId as string, firstName };
}

const OFFER_FIELDS = `id title trade { code } communeName contractType durationMonths weeklyHours positions status source company { name } version`;
const CREATE = `mutation($input: CreateJobOfferInput!) { createJobOffer(input: $input) { ${OFFER_FIELDS} } }`;
const offerInput = (extra: Record<string, unknown> = {}) => ({
  title: 'Agent·e de propreté',
  romeCode: 'K2204',
  communeCode: ECHIROLLES,
  contractType: 'CDD',
  durationMonths: 6,
  weeklyHours: 26,
  positions: 1,
  source: 'COMPANY',
  ...extra,
});
const MATCHES = `query($id: ID!) { jobOffer(id: $id) { matchCount matches { participant { firstName } reason { targetTrade { code } tradeMatch rank area proposed } } } }`;

describe('matching', () => {
  it('finds, for an offer in K2204 at Échirolles, the people aiming at it or at a close trade nearby, not the one in Clermont', async () => {
    await person('Samia', ECHIROLLES, ['K2204']);
    await person('Bintou', ECHIROLLES, ['K2203']);
    await person('Elodie', GRENOBLE, ['K2204']);
    await person('Fanny', GRENOBLE, ['K2205']);
    await person('Claire', CLERMONT, ['K2204']);
    await person('Pauline', ECHIROLLES, ['K2204'], false);
    const { createJobOffer } = await referent.data(CREATE, { input: offerInput({ companyId: aciCompanyId }) });
    expect(createJobOffer).toMatchObject({ trade: { code: 'K2204' }, communeName: 'Échirolles', status: 'OPEN', company: { name: 'Jardins de l’Isère' } });

    const { jobOffer } = await referent.data(MATCHES, { id: createJobOffer.id });
    expect(jobOffer.matches.map((m: { participant: { firstName: string }; reason: Record<string, unknown> }) => [m.participant.firstName, m.reason])).toEqual([
      ['Samia', { targetTrade: { code: 'K2204' }, tradeMatch: 'SAME_TRADE', rank: 0, area: 'SAME_COMMUNE', proposed: false }],
      ['Elodie', { targetTrade: { code: 'K2204' }, tradeMatch: 'SAME_TRADE', rank: 0, area: 'SAME_INTERCOMMUNALITY', proposed: false }],
      ['Fanny', { targetTrade: { code: 'K2205' }, tradeMatch: 'SAME_SHEET', rank: 0, area: 'SAME_INTERCOMMUNALITY', proposed: false }],
      ['Bintou', { targetTrade: { code: 'K2203' }, tradeMatch: 'CLOSE_TRADE', rank: 2, area: 'SAME_COMMUNE', proposed: false }],
    ]);
    expect(jobOffer.matchCount).toBe(4);
  });

  it('finds, for a person, the open offers matching her project, and not a closed one', async () => {
    const bintou = await person('Bintou2', ECHIROLLES, ['K2203']);
    const open = (await referent.data(CREATE, { input: offerInput({ title: 'Laveur·se de vitres' }) })).createJobOffer;
    const closed = (await referent.data(CREATE, { input: offerInput({ title: 'Offre close' }) })).createJobOffer;
    await referent.data(`mutation($input: UpdateJobOfferInput!) { updateJobOffer(input: $input) { status } }`, {
      input: { ...offerInput({ title: 'Offre close' }), id: closed.id, version: closed.version, status: 'CLOSED' },
    });
    const { pathwayOfferMatches } = await referent.data(
      `query($id: ID!) { pathwayOfferMatches(pathwayId: $id) { offer { id title } reason { tradeMatch rank } } }`,
      {
        id: bintou.pathwayId,
      },
    );
    const titles = pathwayOfferMatches.map((m: { offer: { title: string } }) => m.offer.title);
    expect(titles).toContain(open.title);
    expect(titles).not.toContain('Offre close');
    expect(
      pathwayOfferMatches.every((m: { reason: { tradeMatch: string; rank: number } }) => m.reason.tradeMatch === 'CLOSE_TRADE' && m.reason.rank === 2),
    ).toBe(true);
  });
});

describe('offers', () => {
  it('names every implausible field at once and records nothing', async () => {
    const bad = await referent.request(CREATE, {
      input: offerInput({ title: 'Implausible', contractType: 'CDI', durationMonths: 6, weeklyHours: 70, positions: 0, startOn: '2035-01-01' }),
    });
    expect(bad.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(fieldsOf(bad)).toEqual(['durationMonths', 'weeklyHours', 'positions', 'startOn']);
    const unknown = await referent.request(CREATE, { input: offerInput({ title: 'Implausible', romeCode: 'Z9999', communeCode: '99999' }) });
    expect(fieldsOf(unknown)).toEqual(['romeCode', 'communeCode']);
    const { jobOffers } = await referent.data(`{ jobOffers(filter: { search: "Implausible" }) { totalCount } }`);
    expect(jobOffers.totalCount).toBe(0);
    const noLength = await referent.request(CREATE, { input: offerInput({ title: 'Sans durée', durationMonths: null }) });
    expect(fieldsOf(noLength)).toEqual(['durationMonths']);
  });

  it('lets the integration company post its own offer, as its company’s and from itself, and see only its own', async () => {
    const { createJobOffer } = await aci.data(CREATE, {
      input: offerInput({ title: 'Ouvrier·ère espaces verts', romeCode: 'A1203', source: 'FRANCE_TRAVAIL' }),
    });
    expect(createJobOffer).toMatchObject({ source: 'PARTNER', company: null, status: 'OPEN' });
    const staffSide = await referent.data(`query($id: ID!) { jobOffer(id: $id) { company { name } source } }`, { id: createJobOffer.id });
    expect(staffSide.jobOffer).toEqual({ company: { name: 'Jardins de l’Isère' }, source: 'PARTNER' });
    const other = (await referent.data(CREATE, { input: offerInput({ title: 'Offre d’une autre entreprise' }) })).createJobOffer;
    expect((await aci.request(`query($id: ID!) { jobOffer(id: $id) { title } }`, { id: other.id })).errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    const titles = (await aci.data(`{ postedJobOffers { edges { node { title } } } }`)).postedJobOffers.edges.map(
      (e: { node: { title: string } }) => e.node.title,
    );
    expect(titles).toContain('Ouvrier·ère espaces verts');
    expect(titles).not.toContain('Offre d’une autre entreprise');
  });
});

describe('candidacies', () => {
  const CANDIDACY = `id status summary answerNote outcomeReason hiredOn version participant { firstName birthDate }`;
  it('goes from the referent’s proposal to the employer’s answer to the hire, which becomes a stage with the employer and fills the offer', async () => {
    const nadia = await person('Nadège', ECHIROLLES, ['K2204']);
    const offer = (await referent.data(CREATE, { input: offerInput({ title: 'Agent·e d’entretien ACI', companyId: aciCompanyId }) })).createJobOffer;
    const PROPOSE = `mutation($input: ProposeCandidacyInput!) { proposeCandidacy(input: $input) { ${CANDIDACY} } }`;
    const proposed = (await referent.data(PROPOSE, { input: { offerId: offer.id, pathwayId: nadia.pathwayId, summary: 'Ponctuelle, deux ans de ménage.' } }))
      .proposeCandidacy;
    expect(proposed).toMatchObject({ status: 'PROPOSED', summary: 'Ponctuelle, deux ans de ménage.' });
    const twice = await referent.request(PROPOSE, { input: { offerId: offer.id, pathwayId: nadia.pathwayId, summary: 'Encore' } });
    expect(twice.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'offerId' });
    expect(
      (await referent.data(MATCHES, { id: offer.id })).jobOffer.matches.find(
        (m: { participant: { firstName: string } }) => m.participant.firstName === 'Nadège',
      ).reason.proposed,
    ).toBe(true);

    // The employer sees nothing until she agrees to share her candidacy with it.
    const EMPLOYER_VIEW = `query($id: ID!) { jobOffer(id: $id) { candidacies { ${CANDIDACY} } } }`;
    expect((await aci.data(EMPLOYER_VIEW, { id: offer.id })).jobOffer.candidacies).toEqual([]);
    await referent.data(`mutation($input: GrantConsentInput!) { grantConsent(input: $input) { id } }`, {
      input: {
        participantId: nadia.participantId,
        granteeOrganisationId: tenant.organisations.siae.globalId,
        dataClasses: ['JOB_APPLICATION', 'IDENTITY_CONTACT'],
        purpose: 'JOB_APPLICATION',
        method: 'SIGNED_FORM',
        collectedOn: todayInFrance(new Date()),
        noticeVersion: 'notice-2026-11',
      },
    });
    const [seen] = (await aci.data(EMPLOYER_VIEW, { id: offer.id })).jobOffer.candidacies;
    expect(seen).toMatchObject({
      status: 'PROPOSED',
      summary: 'Ponctuelle, deux ans de ménage.',
      participant: { firstName: 'Nadège', birthDate: '1988-03-03' },
    });

    const ANSWER = `mutation($input: AnswerCandidacyInput!) { answerCandidacy(input: $input) { ${CANDIDACY} } }`;
    const noReason = await aci.request(ANSWER, { input: { id: seen.id, version: seen.version, answer: 'NOT_RETAINED' } });
    expect(fieldsOf(noReason) ?? [noReason.errors?.[0]?.extensions?.field]).toEqual(['note']);
    const retained = (await aci.data(ANSWER, { input: { id: seen.id, version: seen.version, answer: 'RETAINED', note: 'Embauche au 1er du mois' } }))
      .answerCandidacy;
    expect(retained).toMatchObject({ status: 'RETAINED', answerNote: 'Embauche au 1er du mois' });
    const again = await aci.request(ANSWER, { input: { id: seen.id, version: retained.version, answer: 'NOT_RETAINED', note: 'Finalement non' } });
    expect(again.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');

    const { stageKinds } = await referent.data(`{ stageKinds { id code } }`);
    const cddi = stageKinds.find((k: { code: string }) => k.code === 'IAE_CDDI_ACI').id;
    const jobSearch = stageKinds.find((k: { code: string }) => k.code === 'JOB_SEARCH').id;
    const OUTCOME = `mutation($input: RecordCandidacyOutcomeInput!) { recordCandidacyOutcome(input: $input) { ${CANDIDACY} offer { status } } }`;
    const wrongKind = await referent.request(OUTCOME, {
      input: { id: seen.id, version: retained.version, outcome: 'HIRED', hiredOn: todayInFrance(new Date()), stageKindId: jobSearch },
    });
    expect(fieldsOf(wrongKind) ?? [wrongKind.errors?.[0]?.extensions?.field]).toEqual(['stageKindId']);
    const hired = (
      await referent.data(OUTCOME, {
        input: { id: seen.id, version: retained.version, outcome: 'HIRED', hiredOn: todayInFrance(new Date()), stageKindId: cddi },
      })
    ).recordCandidacyOutcome;
    expect(hired).toMatchObject({ status: 'HIRED', hiredOn: todayInFrance(new Date()), offer: { status: 'FILLED' } });

    const { participant } = await referent.data(
      `query($id: ID!) { participant(id: $id) { stages { kind { code } operator { name } status plannedEnd romeCode sharedSummary } } }`,
      {
        id: nadia.participantId,
      },
    );
    expect(participant.stages).toEqual([
      expect.objectContaining({ kind: { code: 'IAE_CDDI_ACI' }, operator: { name: tenant.organisations.siae.name }, status: 'IN_PROGRESS', romeCode: 'K2204' }),
    ]);
    const closed = await referent.request(OUTCOME, { input: { id: seen.id, version: hired.version, outcome: 'WITHDRAWN', reason: 'Déménage' } });
    expect(closed.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('records her agreement with the proposal in one go, for an employer that is a partner only', async () => {
    const lina = await person('Lina', ECHIROLLES, ['K2204']);
    const PROPOSE = `mutation($input: ProposeCandidacyInput!) { proposeCandidacy(input: $input) { id status } }`;
    const consent = { method: 'SIGNED_FORM', collectedOn: todayInFrance(new Date()) };
    const classic = (await referent.data(CREATE, { input: offerInput({ title: 'Employeur classique' }) })).createJobOffer;
    const refused = await referent.request(PROPOSE, { input: { offerId: classic.id, pathwayId: lina.pathwayId, summary: 'Motivée', consent } });
    expect(refused.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'consent' });
    const aciOffer = (await referent.data(CREATE, { input: offerInput({ title: 'Offre de l’ACI', companyId: aciCompanyId }) })).createJobOffer;
    await referent.data(PROPOSE, { input: { offerId: aciOffer.id, pathwayId: lina.pathwayId, summary: 'Motivée', consent } });
    const { consents } = await referent.data(`query($id: ID!) { consents(participantId: $id) { dataClasses purpose granteeOrganisation { name } } }`, {
      id: lina.participantId,
    });
    expect(consents).toEqual([
      { dataClasses: ['JOB_APPLICATION', 'IDENTITY_CONTACT'], purpose: 'JOB_APPLICATION', granteeOrganisation: { name: tenant.organisations.siae.name } },
    ]);
    const { jobOffer } = await aci.data(`query($id: ID!) { jobOffer(id: $id) { candidacies { participant { firstName } } } }`, { id: aciOffer.id });
    expect(jobOffer.candidacies).toEqual([{ participant: { firstName: 'Lina' } }]);
  });
});
