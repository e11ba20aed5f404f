import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { todayInFrance } from '../../graphql/date-input';
import { parseGlobalId } from '../../graphql/relay';
import { createTenantFixture, loggedIn, type TenantFixture } from '../../testing/fixtures';
import type { GraphqlClient } from '../../testing/graphql-client';
import { startTestServer, type TestServer } from '../../testing/test-server';

/** The request clock: the sessions below run from January to March 2027, ahead of it. */
const NOW = new Date('2026-12-07T09:00:00Z');

let server: TestServer;
let tenant: TenantFixture;
let animation: GraphqlClient;
let referent: GraphqlClient;
let trainer: GraphqlClient;
let aci: GraphqlClient;
let kinds: Record<string, string>;

const ECHIROLLES = '38151';
const CONSENT = { method: 'SIGNED_FORM', collectedOn: todayInFrance(NOW) };

const ACTION = `mutation($input: CreateProgrammeActionInput!) { createProgrammeAction(input: $input) { id title status operator { name } kind { code } version } }`;
const SESSION = `mutation($input: AddProgrammeSessionInput!) { addProgrammeSession(input: $input) { id places version } }`;
const PROPOSE = `mutation($input: ProposePositioningInput!) { proposePositioning(input: $input) { id status version participant { firstName } } }`;
const ANSWER = `mutation($input: AnswerPositioningInput!) { answerPositioning(input: $input) { id status version stageId } }`;
const WITHDRAW = `mutation($input: WithdrawPositioningInput!) { withdrawPositioning(input: $input) { id status version } }`;
const OCCUPANCY = `query($id: ID!) { programmeAction(id: $id) { sessions { id occupancy { places proposed accepted waiting attended placesLeft } } } }`;
const TO_ANSWER = `{ positioningsToAnswer { id status version reason participant { firstName } session { actionTitle } } positioningsToAnswerCount }`;

const fieldsOf = (response: { errors?: Array<{ extensions?: Record<string, unknown> }> }) =>
  (response.errors?.[0]?.extensions?.fields as Array<{ field: string }> | undefined)?.map((f) => f.field).sort();

/** A person of the referent's caseload, her pathway active. */
async function person(firstName: string) {
  const { createParticipant } = await referent.data(
    `mutation($details: ParticipantDetailsInput!) { createParticipant(input: { details: $details, confirmNotDuplicate: true }) { id currentPathway { id version } } }`,
    { details: { firstName, lastName: 'Programme', birthDate: '1990-04-04', communeCode: ECHIROLLES } },
  );
  const pathwayId = createParticipant.currentPathway.id as string;
  await referent.data(`mutation($input: ChangePathwayStatusInput!) { changePathwayStatus(input: $input) { id } }`, {
    input: { pathwayId, version: createParticipant.currentPathway.version, status: 'ACTIVE', date: todayInFrance(NOW) },
  });
  return { participantId: createParticipant.id as string, pathwayId, firstName };
}

/** A FLE training by the training operator with one session of `places` places in January. */
async function trainingSession(places: number, title = 'FLE à visée professionnelle', startsOn = '2027-01-11') {
  const { createProgrammeAction } = await animation.data(ACTION, {
    input: {
      title,
      operatorId: tenant.organisations.training.globalId,
      kindId: kinds.TRAINING_LANGUAGE,
      funding: 'PLIE',
      targetPublic: 'Personnes allophones, niveau A1 à A2',
    },
  });
  const { addProgrammeSession } = await animation.data(SESSION, {
    input: { actionId: createProgrammeAction.id, startsOn, endsOn: '2027-03-26', communeCode: ECHIROLLES, places },
  });
  return { actionId: createProgrammeAction.id as string, sessionId: addProgrammeSession.id as string };
}

async function propose(sessionId: string, who: { pathwayId: string }, consent: boolean = true) {
  return (
    await referent.data(PROPOSE, {
      input: { sessionId, pathwayId: who.pathwayId, reason: 'Projet d’aide à domicile, besoin du français écrit', consent: consent ? CONSENT : null },
    })
  ).proposePositioning;
}

const accept = async (positioning: { id: string; version: number }) =>
  (await trainer.data(ANSWER, { input: { id: positioning.id, version: positioning.version, answer: 'ACCEPTED' } })).answerPositioning;

const occupancy = async (actionId: string) => (await animation.data(OCCUPANCY, { id: actionId })).programmeAction.sessions[0].occupancy;

beforeAll(async () => {
  server = await startTestServer({}, { clock: () => NOW });
  tenant = await createTenantFixture(server, 'Programme');
  animation = await loggedIn(server, tenant.users.animation.email);
  referent = await loggedIn(server, tenant.users.referent.email);
  trainer = await loggedIn(server, tenant.users.trainer.email);
  aci = await loggedIn(server, tenant.users.aci.email);
  kinds = Object.fromEntries((await referent.data(`{ stageKinds { id code } }`)).stageKinds.map((k: { id: string; code: string }) => [k.code, k.id]));
});
afterAll(() => server.close());

describe('positionings', () => {
  it('an acceptance becomes the person’s stage with the operator; a full session waitlists the next one, said by its status', async () => {
    const { actionId, sessionId } = await trainingSession(1);
    const [awa, binta] = [await person('Awa'), await person('Binta')];
    const first = await propose(sessionId, awa);
    const second = await propose(sessionId, binta);
    const { positioningsToAnswer, positioningsToAnswerCount } = await trainer.data(TO_ANSWER);
    expect(positioningsToAnswer.map((p: { participant: { firstName: string } }) => p.participant.firstName)).toEqual(['Awa', 'Binta']);
    expect(positioningsToAnswerCount).toBe(2);

    const accepted = await accept(first);
    expect(accepted.status).toBe('ACCEPTED');
    const { stages } = await referent.data(`query($id: ID!) { stages(pathwayId: $id) { id kind { code } operator { name } plannedStart plannedEnd status } }`, {
      id: awa.pathwayId,
    });
    expect(stages).toEqual([
      {
        id: accepted.stageId,
        kind: { code: 'TRAINING_LANGUAGE' },
        operator: { name: tenant.organisations.training.name },
        plannedStart: '2027-01-11',
        plannedEnd: '2027-03-26',
        status: 'PLANNED',
      },
    ]);

    const refused = await accept(second);
    expect(refused).toMatchObject({ status: 'WAITING', stageId: null });
    expect(await occupancy(actionId)).toEqual({ places: 1, proposed: 0, accepted: 1, waiting: 1, attended: 0, placesLeft: 0 });
  });

  it('a withdrawn acceptance frees its place: the first waiting is promoted, gets her stage, and both teams are told', async () => {
    const { actionId, sessionId } = await trainingSession(1, 'FLE du soir');
    const [chloe, dina, emma] = [await person('Chloé'), await person('Dina'), await person('Emma')];
    const accepted = await accept(await propose(sessionId, chloe));
    const dinaProposal = await propose(sessionId, dina);
    const dinaWaits = await trainer.data(ANSWER, { input: { id: dinaProposal.id, version: dinaProposal.version, answer: 'WAITING' } });
    const emmaWaits = await accept(await propose(sessionId, emma));
    expect([dinaWaits.answerPositioning.status, emmaWaits.status]).toEqual(['WAITING', 'WAITING']);

    const withdrawn = await referent.data(WITHDRAW, { input: { id: accepted.id, version: accepted.version, reason: 'A trouvé un emploi' } });
    expect(withdrawn.withdrawPositioning.status).toBe('WITHDRAWN');
    const { pathwayPositionings } = await referent.data(`query($id: ID!) { pathwayPositionings(pathwayId: $id) { status stageId } }`, { id: dina.pathwayId });
    expect(pathwayPositionings).toMatchObject([{ status: 'ACCEPTED' }]);
    expect(pathwayPositionings[0].stageId).not.toBeNull();
    const chloeStages = await referent.data(`query($id: ID!) { stages(pathwayId: $id) { status } }`, { id: chloe.pathwayId });
    expect(chloeStages.stages).toEqual([{ status: 'CANCELLED' }]);
    expect(await occupancy(actionId)).toMatchObject({ accepted: 1, waiting: 1, placesLeft: 0 });
    for (const team of [trainer, referent]) {
      const told = await team.data(`{ notifications(unreadOnly: true) { edges { node { kind participantLabel } } } }`);
      expect(told.notifications.edges.map((e: { node: unknown }) => e.node)).toContainEqual({
        kind: 'POSITIONING_PROMOTED',
        participantLabel: 'Dina P. — FLE du soir',
      });
    }
  });

  it('two acceptances of the last place at once on PostgreSQL give one stage and one waiting-list entry', async () => {
    const { actionId, sessionId } = await trainingSession(1, 'FLE intensif');
    const [fatou, gina] = [await person('Fatou'), await person('Gina')];
    const proposals = [await propose(sessionId, fatou), await propose(sessionId, gina)];
    const answers = await Promise.all(proposals.map(accept));
    expect(answers.map((a: { status: string }) => a.status).sort()).toEqual(['ACCEPTED', 'WAITING']);
    expect(await occupancy(actionId)).toMatchObject({ accepted: 1, waiting: 1 });
    const stages = await server.asOwner((em) =>
      em.execute(
        `select count(*)::int as n from stage s join positioning p on p.stage_id = s.id join programme_session ps on ps.id = p.session_id where ps.id = ?`,
        [parseGlobalId(sessionId)!.id],
      ),
    );
    expect(stages[0]!.n).toBe(1);
  });

  it('an operator without the person’s consent sees no proposal, counts it in the occupancy only, and cannot answer it', async () => {
    const { actionId, sessionId } = await trainingSession(3, 'FLE sans accord');
    const hana = await person('Hana');
    const proposal = await propose(sessionId, hana, false);
    const { positioningsToAnswer } = await trainer.data(TO_ANSWER);
    expect(positioningsToAnswer.map((p: { id: string }) => p.id)).not.toContain(proposal.id);
    const { programmeAction } = await trainer.data(`query($id: ID!) { programmeAction(id: $id) { sessions { positionings { id } occupancy { proposed } } } }`, {
      id: actionId,
    });
    expect(programmeAction.sessions).toEqual([{ positionings: [], occupancy: { proposed: 1 } }]);
    const answer = await trainer.request(ANSWER, { input: { id: proposal.id, version: proposal.version, answer: 'ACCEPTED' } });
    expect(answer.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    // Another operator (the ACI) does not see the action at all.
    const other = await aci.request(`query($id: ID!) { programmeAction(id: $id) { id } }`, { id: actionId });
    expect(other.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
  });
});

describe('occupancy', () => {
  it('counts places, proposed, accepted, waiting and attended as hand-counted', async () => {
    // Under way since November: the operator records its attendance.
    const { actionId, sessionId } = await trainingSession(2, 'FLE compté', '2026-11-02');
    const people = [await person('Inès'), await person('Jade'), await person('Kenza'), await person('Lina'), await person('Maya')];
    const [ines, jade, kenza, lina] = await Promise.all(people.slice(0, 4).map((p) => propose(sessionId, p)));
    await propose(sessionId, people[4]!);
    const inesAccepted = await accept(ines);
    await accept(jade);
    await accept(kenza); // full: waits
    await trainer.data(ANSWER, { input: { id: lina.id, version: lina.version, answer: 'DECLINED', note: 'Niveau B2 : la session vise A1–A2' } });
    // Inès came (her hours in the training follow-up); Jade has none recorded yet.
    await trainer.data(`mutation($input: RecordTrainingAttendanceInput!) { recordTrainingAttendance(input: $input) { id } }`, {
      input: { period: '2026-11', entries: [{ stageId: inesAccepted.stageId, hoursPlanned: 60, hoursAttended: 52 }] },
    });
    // 5 proposed: 2 accepted (1 came), 1 waiting, 1 declined, 1 still proposed.
    expect(await occupancy(actionId)).toEqual({ places: 2, proposed: 1, accepted: 2, waiting: 1, attended: 1, placesLeft: 0 });
  });
});

describe('bad input', () => {
  it('refuses an action naming every offending field at once, and writes nothing', async () => {
    const before = await animation.data(`{ programmeActions { totalCount } }`);
    const response = await animation.request(ACTION, {
      input: { title: ' ', operatorId: tenant.organisations.animation.globalId, kindId: 'nope', funding: 'ESF_OPERATION', targetPublic: '' },
    });
    expect(response.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(fieldsOf(response)).toEqual(['esfOperationId', 'kindId', 'operatorId', 'targetPublic', 'title']);
    expect(await animation.data(`{ programmeActions { totalCount } }`)).toEqual(before);
  });

  it('refuses an implausible session, a reason-less decline, a second positioning of a person, and a need without a period', async () => {
    const { actionId, sessionId } = await trainingSession(2, 'FLE contrôlé');
    const session = await animation.request(SESSION, { input: { actionId, startsOn: '2027-03-01', endsOn: '2027-02-01', communeCode: ECHIROLLES, places: 0 } });
    expect(fieldsOf(session)).toEqual(['endsOn', 'places']);
    const nadia = await person('Nadia');
    const proposal = await propose(sessionId, nadia);
    const twice = await referent.request(PROPOSE, { input: { sessionId, pathwayId: nadia.pathwayId, reason: 'Encore' } });
    expect(fieldsOf(twice)).toEqual(['pathwayId']);
    const decline = await trainer.request(ANSWER, { input: { id: proposal.id, version: proposal.version, answer: 'DECLINED' } });
    expect(fieldsOf(decline)).toEqual(['note']);
    const need = await referent.request(`mutation($input: RecordProgrammeNeedInput!) { recordProgrammeNeed(input: $input) { id } }`, {
      input: { kindId: kinds.TRAINING_LANGUAGE, communeCode: ECHIROLLES, people: 0, period: '2027-13' },
    });
    expect(fieldsOf(need)).toEqual(['people', 'period']);
  });

  it('a referent and an operator may not create actions', async () => {
    const response = await referent.request(ACTION, {
      input: { title: 'X', operatorId: tenant.organisations.training.globalId, kindId: kinds.TRAINING_LANGUAGE, funding: 'PLIE', targetPublic: 'Tous' },
    });
    expect(response.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });
});

describe('needs', () => {
  it('adds needs up by kind, commune and quarter', async () => {
    const need = (people: number, period: string, communeCode = ECHIROLLES) =>
      referent.data(`mutation($input: RecordProgrammeNeedInput!) { recordProgrammeNeed(input: $input) { quarter } }`, {
        input: { kindId: kinds.TRAINING_LANGUAGE, communeCode, people, period },
      });
    await need(10, '2027-Q1');
    await need(3, '2027-02');
    await need(1, '2027-03');
    await need(5, '2027-Q1', '38185');
    await need(2, '2027-04');
    const { programmeNeedTotals } = await animation.data(`{ programmeNeedTotals(quarter: "2027-Q1") { kind { code } communeName quarter people needs } }`);
    expect(programmeNeedTotals).toEqual([
      { kind: { code: 'TRAINING_LANGUAGE' }, communeName: 'Échirolles', quarter: '2027-Q1', people: 14, needs: 3 },
      { kind: { code: 'TRAINING_LANGUAGE' }, communeName: 'Grenoble', quarter: '2027-Q1', people: 5, needs: 1 },
    ]);
  });
});

describe('stage-kind catalogue', () => {
  it('the animation team adds, renames and retires a kind; retired, it is offered for no new stage', async () => {
    const { createStageKind } = await animation.data(`mutation($input: CreateStageKindInput!) { createStageKind(input: $input) { id code version active } }`, {
      input: { labelFr: 'Atelier CV', labelEn: 'CV workshop', category: 'JOB_SEARCH' },
    });
    const { updateStageKind } = await animation.data(`mutation($input: UpdateStageKindInput!) { updateStageKind(input: $input) { labelFr active code } }`, {
      input: { id: createStageKind.id, version: createStageKind.version, labelFr: 'Atelier CV et lettre', labelEn: 'CV and letter workshop', active: false },
    });
    expect(updateStageKind).toEqual({ labelFr: 'Atelier CV et lettre', active: false, code: createStageKind.code });
    const { stageKinds } = await referent.data(`{ stageKinds { id } }`);
    expect(stageKinds.map((k: { id: string }) => k.id)).not.toContain(createStageKind.id);
    const stale = await animation.request(`mutation($input: UpdateStageKindInput!) { updateStageKind(input: $input) { id } }`, {
      input: { id: createStageKind.id, version: createStageKind.version, labelFr: 'A', labelEn: 'B', active: true },
    });
    expect(stale.errors?.[0]?.extensions?.code).toBe('CONFLICT');
  });
});
