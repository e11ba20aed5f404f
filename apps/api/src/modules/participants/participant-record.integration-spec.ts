import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTenantFixture, FIXTURE_PASSWORD, type TenantFixture } from '../../testing/fixtures';
import { GraphqlClient, nodesOf } from '../../testing/graphql-client';
import { startTestServer, type TestServer } from '../../testing/test-server';

let server: TestServer;
let tenant: TenantFixture;
let referent: GraphqlClient;

beforeAll(async () => {
  server = await startTestServer();
  tenant = await createTenantFixture(server, 'Dossier');
  referent = new GraphqlClient(server.app);
  await referent.login(tenant.users.referent.email, FIXTURE_PASSWORD);
});
afterAll(() => server.close());

async function newParticipant(firstName: string) {
  const data = await referent.data(`mutation($input: CreateParticipantInput!) { createParticipant(input: $input) { id currentPathway { id version } } }`, {
    input: { details: { firstName, lastName: 'Martin', birthDate: '1985-05-05' }, referralDate: '2026-01-05', confirmNotDuplicate: true },
  });
  return { participantId: data.createParticipant.id as string, pathwayId: data.createParticipant.currentPathway.id as string };
}

async function moveTo(pathwayId: string, status: string, date: string, extra: Record<string, unknown> = {}) {
  const participant = await referent.data(
    `{ participants(filter: { mine: true }, page: { first: 100 }) { edges { node { currentPathway { id version } } } } }`,
  );
  const current = participant.participants.edges.map((e: any) => e.node.currentPathway).find((p: any) => p.id === pathwayId);
  return referent.request(`mutation($input: ChangePathwayStatusInput!) { changePathwayStatus(input: $input) { currentPathway { status exitValidated } } }`, {
    input: { pathwayId, version: current.version, status, date, ...extra },
  });
}

describe('diagnosis', () => {
  it('records strengths, obstacles (special categories flagged) and needs, then revises them with the version read', async () => {
    const { participantId, pathwayId } = await newParticipant('Diag');
    const RECORD = `mutation($input: RecordDiagnosisInput!) { recordDiagnosis(input: $input) { strengths needs version obstacles { category note specialCategory } } }`;
    const first = await referent.data(RECORD, {
      input: {
        pathwayId,
        strengths: 'Ponctuelle, permis B',
        needs: 'Mode de garde',
        carriedOutOn: '2026-01-12',
        obstacles: [
          { category: 'CHILDCARE', note: 'Deux enfants' },
          { category: 'HEALTH', note: 'Suivi en cours' },
        ],
      },
    });
    expect(first.recordDiagnosis.obstacles).toEqual([
      { category: 'CHILDCARE', note: 'Deux enfants', specialCategory: false },
      { category: 'HEALTH', note: 'Suivi en cours', specialCategory: true },
    ]);
    // An obstacle twice and a day to come: both are named at once.
    const twice = await referent.request(RECORD, {
      input: { pathwayId, version: 1, carriedOutOn: '2999-01-01', obstacles: [{ category: 'MOBILITY' }, { category: 'MOBILITY' }] },
    });
    expect(twice.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'obstacles' });
    expect((twice.errors?.[0]?.extensions?.fields as Array<{ field: string }>).map((f) => f.field)).toEqual(['obstacles', 'carriedOutOn']);
    const revised = await referent.data(RECORD, { input: { pathwayId, version: 1, strengths: 'Ponctuelle', obstacles: [{ category: 'MOBILITY' }] } });
    expect(revised.recordDiagnosis).toMatchObject({ version: 2, obstacles: [{ category: 'MOBILITY', specialCategory: false }] });
    const stale = await referent.request(RECORD, { input: { pathwayId, version: 1, obstacles: [] } });
    expect(stale.errors?.[0]?.extensions).toEqual({ code: 'CONFLICT' });
    expect((await referent.data(`query($id: ID!) { diagnosis(pathwayId: $id) { strengths } }`, { id: pathwayId })).diagnosis.strengths).toBe('Ponctuelle');
    // The history says which categories changed, never the health details themselves.
    const history = await referent.data(
      `query($id: ID!) { participantHistory(participantId: $id, page: { first: 100 }) { edges { node { action changes { before after } } } } }`,
      {
        id: participantId,
      },
    );
    expect(nodesOf(history.participantHistory).filter((h: any) => h.action === 'diagnosis.recorded')).toHaveLength(2);
    expect(JSON.stringify(history)).not.toContain('Suivi en cours');
  });
});

describe("the referent's journal", () => {
  it('keeps dated private notes, newest first, out of the history and out of partners’ reach', async () => {
    const { participantId } = await newParticipant('Journal');
    const ADD = `mutation($input: AddJournalEntryInput!) { addJournalEntry(input: $input) { day text authorName } }`;
    await referent.data(ADD, { input: { participantId, day: '2026-02-01', text: 'Premier entretien, motivée.' } });
    await referent.data(ADD, { input: { participantId, day: '2026-02-15', text: 'Difficultés de logement évoquées.' } });
    const empty = await referent.request(ADD, { input: { participantId, text: '   ' } });
    expect(empty.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'text' });
    const journal = await referent.data(`query($id: ID!) { journal(participantId: $id, page: { first: 100 }) { edges { node { day text } } } }`, {
      id: participantId,
    });
    expect(nodesOf(journal.journal).map((e: any) => e.day)).toEqual(['2026-02-15', '2026-02-01']);
    const history = await referent.data(
      `query($id: ID!) { participantHistory(participantId: $id, page: { first: 100 }) { edges { node { changes { after } } } } }`,
      { id: participantId },
    );
    expect(JSON.stringify(history)).not.toContain('logement');
    const partner = new GraphqlClient(server.app);
    await partner.login(tenant.users.partner.email, FIXTURE_PASSWORD);
    expect(
      (await partner.request(`query($id: ID!) { journal(participantId: $id, page: { first: 100 }) { edges { node { text } } } }`, { id: participantId }))
        .errors?.[0]?.extensions?.code,
    ).toBe('FORBIDDEN');
  });
});

describe('exit and in-job follow-up', () => {
  it('a positive exit into a job opens check-ins at 1, 3 and 6 months; the pathway closes only once they are done and the exit is validated', async () => {
    const { pathwayId, participantId } = await newParticipant('Suivi');
    expect((await moveTo(pathwayId, 'ACTIVE', '2026-01-20')).errors).toBeUndefined();
    const exited = await moveTo(pathwayId, 'EXITED', '2026-05-31', { exitKind: 'JOB_FIXED_TERM_6_MONTHS_PLUS' });
    expect(exited.data?.changePathwayStatus.currentPathway.status).toBe('IN_JOB_FOLLOW_UP');

    const CHECK_INS = `query($id: ID!) { followUpCheckIns(pathwayId: $id) { id version monthsAfterExit dueOn doneOn } }`;
    const { followUpCheckIns } = await referent.data(CHECK_INS, { id: pathwayId });
    expect(followUpCheckIns.map((c: any) => [c.monthsAfterExit, c.dueOn])).toEqual([
      [1, '2026-06-30'],
      [3, '2026-08-31'],
      [6, '2026-11-30'],
    ]);

    const early = await moveTo(pathwayId, 'CLOSED', '2026-11-26', { exitValidated: true });
    expect(early.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'status' });

    const RECORD = `mutation($input: RecordCheckInInput!) { recordCheckIn(input: $input) { doneOn stillEmployed } }`;
    const tooEarly = await referent.request(RECORD, {
      input: { checkInId: followUpCheckIns[2].id, version: followUpCheckIns[2].version, doneOn: '2026-07-01', stillEmployed: true },
    });
    expect(tooEarly.errors?.[0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT', field: 'doneOn' }, message: expect.stringContaining('2026-11-23') });
    const beforeExit = await referent.request(RECORD, {
      input: { checkInId: followUpCheckIns[0].id, version: followUpCheckIns[0].version, doneOn: '2026-05-01', stillEmployed: true },
    });
    expect(beforeExit.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'doneOn' });
    for (const [checkIn, day] of [
      [followUpCheckIns[0], '2026-07-01'],
      [followUpCheckIns[1], '2026-09-02'],
      [followUpCheckIns[2], '2026-11-26'],
    ]) {
      await referent.data(RECORD, {
        input: { checkInId: checkIn.id, version: checkIn.version, doneOn: day, stillEmployed: true, employer: 'Recyclerie du Drac' },
      });
    }

    // The six-month check-in is the ESF+ six-month result: in employment, a better situation, collected that day.
    const esf = await referent.data(
      `query($id: ID!) { participant(id: $id) { currentPathway { sixMonthEmployed sixMonthBetterSituation sixMonthAnsweredOn } } }`,
      {
        id: participantId,
      },
    );
    expect(esf.participant.currentPathway).toEqual({ sixMonthEmployed: 'YES', sixMonthBetterSituation: 'YES', sixMonthAnsweredOn: '2026-11-26' });

    const unvalidated = await moveTo(pathwayId, 'CLOSED', '2026-11-26');
    expect(unvalidated.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'exitValidated' });
    const closed = await moveTo(pathwayId, 'CLOSED', '2026-11-26', { exitValidated: true });
    expect(closed.data?.changePathwayStatus.currentPathway).toEqual({ status: 'CLOSED', exitValidated: true });
  });
});

describe('the commitment contract', () => {
  it('records the tripartite contract, then amendments as new versions; the earlier version stays as signed', async () => {
    const { pathwayId } = await newParticipant('Contrat');
    const RECORD = `mutation($input: RecordContractInput!) { recordContract(input: $input) { number objectives reviewOn fullySigned amendmentReason } }`;
    const first = await referent.data(RECORD, {
      input: {
        pathwayId,
        amends: 0,
        objectives: ['Obtenir le permis B', ' ', 'Trouver un emploi dans la logistique'],
        startsOn: '2026-02-01',
        reviewOn: '2026-08-01',
        signedByParticipantOn: '2026-02-01',
        signedByReferentOn: '2026-02-01',
        signedByAnimationTeamOn: '2026-02-03',
      },
    });
    expect(first.recordContract).toEqual({
      number: 1,
      objectives: ['Obtenir le permis B', 'Trouver un emploi dans la logistique'],
      reviewOn: '2026-08-01',
      fullySigned: true,
      amendmentReason: null,
    });

    const base = { pathwayId, objectives: ['Trouver un emploi dans la logistique'], startsOn: '2026-02-01', reviewOn: '2026-11-01' };
    const noReason = await referent.request(RECORD, { input: { ...base, amends: 1 } });
    expect(noReason.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'amendmentReason' });
    const reviewFirst = await referent.request(RECORD, { input: { ...base, amends: 1, amendmentReason: 'x', reviewOn: '2026-01-01' } });
    expect(reviewFirst.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'reviewOn' });
    const amended = await referent.data(RECORD, { input: { ...base, amends: 1, amendmentReason: 'Permis obtenu' } });
    expect(amended.recordContract).toMatchObject({ number: 2, fullySigned: false, amendmentReason: 'Permis obtenu' });
    // Someone amending from an outdated version is told so instead of overwriting.
    const stale = await referent.request(RECORD, { input: { ...base, amends: 1, amendmentReason: 'Autre' } });
    expect(stale.errors?.[0]?.extensions).toEqual({ code: 'CONFLICT' });

    const versions = await referent.data(`query($id: ID!) { contracts(pathwayId: $id) { number fullySigned objectives } }`, { id: pathwayId });
    expect(versions.contracts.map((c: any) => [c.number, c.fullySigned])).toEqual([
      [2, false],
      [1, true],
    ]);
  });
});
