import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { todayInFrance } from '../../graphql/date-input';
import { createTenantFixture, FIXTURE_PASSWORD, type TenantFixture } from '../../testing/fixtures';
import { GraphqlClient } from '../../testing/graphql-client';
import { startTestServer, type TestServer } from '../../testing/test-server';

let server: TestServer;
let tenant: TenantFixture;
let referent: GraphqlClient;
let trainer: GraphqlClient;
let aci: GraphqlClient;
/** Trainees of the training operator: one who agreed to its reports, one who did not. */
let shared: { participantId: string; stageId: string };
let unshared: { participantId: string; stageId: string };

const ATTEND = `mutation($input: RecordTrainingAttendanceInput!) { recordTrainingAttendance(input: $input) { id period hoursPlanned hoursAttended authorOrganisationName } }`;
const RESULT = `mutation($input: RecordTrainingResultInput!) { recordTrainingResult(input: $input) { outcome endedOn certification dropOutReason version } }`;
const COUNT = `query($period: String!) { trainingMonthCount(period: $period) { totalCount dueCount } }`;
const MONTH = `query($period: String!) { trainingMonth(period: $period) { participant { firstName lastName phone } stage { id kind { code } } attendance { hoursAttended } result { outcome } } }`;

/** A participant with a qualifying training run by the training operator, from 1 October to 31 December 2026. */
async function trainee(lastName: string) {
  const created = await referent.data(
    `mutation($details: ParticipantDetailsInput!) { createParticipant(input: { details: $details }) { id currentPathway { id } } }`,
    { details: { firstName: 'Léa', lastName, birthDate: '1992-02-20', phone: '0611111111' } },
  );
  const kinds = Object.fromEntries((await referent.data(`{ stageKinds { id code } }`)).stageKinds.map((k: any) => [k.code, k.id]));
  const { addStage } = await referent.data(`mutation($input: AddStageInput!) { addStage(input: $input) { id } }`, {
    input: {
      pathwayId: created.createParticipant.currentPathway.id,
      kindId: kinds.TRAINING_QUALIFYING,
      operatorId: tenant.organisations.training.globalId,
      plannedStart: '2026-10-01',
      plannedEnd: '2026-12-31',
    },
  });
  return { participantId: created.createParticipant.id, stageId: addStage.id };
}

beforeAll(async () => {
  server = await startTestServer();
  tenant = await createTenantFixture(server, 'Training');
  const client = async (email: string) => {
    const c = new GraphqlClient(server.app);
    await c.login(email, FIXTURE_PASSWORD);
    return c;
  };
  referent = await client(tenant.users.referent.email);
  trainer = await client(tenant.users.trainer.email);
  aci = await client(tenant.users.aci.email);
  shared = await trainee('Fontaine');
  unshared = await trainee('Garcia');
  await referent.data(`mutation($input: GrantConsentInput!) { grantConsent(input: $input) { id } }`, {
    input: {
      participantId: shared.participantId,
      granteeOrganisationId: tenant.organisations.training.globalId,
      dataClasses: ['STAGE_LIST', 'STAGE_DETAILS', 'TRAINING_REPORTS'],
      stageIds: [shared.stageId],
      purpose: 'TRAINING_FOLLOW_UP',
      method: 'SIGNED_FORM',
      collectedOn: '2026-10-01',
      noticeVersion: 'notice-2026-01',
    },
  });
});
afterAll(() => server.close());

describe("a training operator's reports", () => {
  it('sees only the trainee who agreed (name, not contact), records her month, and the referent reads it on the stage', async () => {
    const month = await trainer.data(MONTH, { period: '2026-10' });
    expect(month.trainingMonth).toEqual([
      {
        participant: { firstName: 'Léa', lastName: 'Fontaine', phone: null },
        stage: { id: shared.stageId, kind: { code: 'TRAINING_QUALIFYING' } },
        attendance: null,
        result: null,
      },
    ]);
    const recorded = await trainer.data(ATTEND, {
      input: { period: '2026-10', entries: [{ stageId: shared.stageId, hoursPlanned: 140, hoursAttended: 126, absenceNote: 'Deux jours de maladie' }] },
    });
    expect(recorded.recordTrainingAttendance).toEqual([
      expect.objectContaining({ hoursPlanned: 140, hoursAttended: 126, authorOrganisationName: tenant.organisations.training.name }),
    ]);

    const onStage = await referent.data(`query($id: ID!) { participant(id: $id) { stages { trainingAttendance { period hoursAttended absenceNote } } } }`, {
      id: shared.participantId,
    });
    expect(onStage.participant.stages[0].trainingAttendance).toEqual([{ period: '2026-10', hoursAttended: 126, absenceNote: 'Deux jours de maladie' }]);
  });

  it('refuses a month recorded twice, hours attended over those planned and months outside the training, naming the entry; nothing is written', async () => {
    const twice = await trainer.request(ATTEND, {
      input: { period: '2026-10', entries: [{ stageId: shared.stageId, hoursPlanned: 140, hoursAttended: 100 }] },
    });
    expect(twice.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'entries.0.period' });
    const over = await trainer.request(ATTEND, { input: { period: '2026-11', entries: [{ stageId: shared.stageId, hoursPlanned: 140, hoursAttended: 150 }] } });
    expect(over.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'entries.0.hoursAttended' });
    const outside = await trainer.request(ATTEND, {
      input: { period: '2026-09', entries: [{ stageId: shared.stageId, hoursPlanned: 140, hoursAttended: 100 }] },
    });
    expect(outside.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'entries.0.period' });
    expect((await trainer.data(MONTH, { period: '2026-11' })).trainingMonth[0].attendance).toBeNull();
  });

  it('names every refused field of every entry at once', async () => {
    const refused = await trainer.request(ATTEND, {
      input: {
        period: '2026-11',
        entries: [
          { stageId: shared.stageId, hoursPlanned: 800, hoursAttended: -1 },
          { stageId: shared.stageId, hoursPlanned: 10, hoursAttended: 20 },
        ],
      },
    });
    expect(refused.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'entries.0.hoursPlanned' });
    expect((refused.errors?.[0]?.extensions?.fields as Array<{ field: string }>).map((f) => f.field)).toEqual([
      'entries.0.hoursPlanned',
      'entries.0.hoursAttended',
      'entries.1.stageId',
      'entries.1.hoursAttended',
    ]);
    expect((await trainer.data(MONTH, { period: '2026-11' })).trainingMonth[0].attendance).toBeNull();
  });

  it('records the outcome: a drop-out needs its reason, a certification its name; the referent sees it', async () => {
    // Counted in SQL for the home page: the one trainee who agreed; her result is due once the training has ended (31 December).
    const ended = todayInFrance(new Date()) >= '2026-12-31';
    expect((await trainer.data(COUNT, { period: '2026-11' })).trainingMonthCount).toEqual({ totalCount: 1, dueCount: ended ? 1 : 0 });
    expect((await aci.request(COUNT, { period: '2026-11' })).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const noReason = await trainer.request(RESULT, { input: { stageId: shared.stageId, outcome: 'ABANDONED', endedOn: '2026-11-13' } });
    expect(noReason.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'dropOutReason' });
    const noTitle = await trainer.request(RESULT, { input: { stageId: shared.stageId, outcome: 'CERTIFIED', endedOn: '2026-11-13' } });
    expect(noTitle.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'certification' });
    const future = await trainer.request(RESULT, { input: { stageId: shared.stageId, outcome: 'COMPLETED', endedOn: '2099-01-01' } });
    expect(future.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'endedOn' });

    const dropped = await trainer.data(RESULT, {
      input: { stageId: shared.stageId, outcome: 'ABANDONED', endedOn: '2026-11-13', dropOutReason: 'A trouvé un emploi saisonnier' },
    });
    expect(dropped.recordTrainingResult).toMatchObject({ outcome: 'ABANDONED', dropOutReason: 'A trouvé un emploi saisonnier', certification: null });
    // Corrected later with the version read: she came back and passed.
    const certified = await trainer.data(RESULT, {
      input: {
        stageId: shared.stageId,
        version: dropped.recordTrainingResult.version,
        outcome: 'CERTIFIED',
        endedOn: todayInFrance(new Date()),
        certification: 'Titre professionnel agent de propreté',
      },
    });
    expect(certified.recordTrainingResult).toMatchObject({ outcome: 'CERTIFIED', dropOutReason: null });
    expect((await trainer.data(COUNT, { period: '2026-11' })).trainingMonthCount).toEqual({ totalCount: 1, dueCount: 0 });
    const stale = await trainer.request(RESULT, {
      input: { stageId: shared.stageId, version: dropped.recordTrainingResult.version, outcome: 'COMPLETED', endedOn: todayInFrance(new Date()) },
    });
    expect(stale.errors?.[0]?.extensions?.code).toBe('CONFLICT');
    const onStage = await referent.data(
      `query($id: ID!) { participant(id: $id) { stages { trainingResult { outcome certification authorOrganisationName } } } }`,
      {
        id: shared.participantId,
      },
    );
    expect(onStage.participant.stages[0].trainingResult).toEqual({
      outcome: 'CERTIFIED',
      certification: 'Titre professionnel agent de propreté',
      authorOrganisationName: tenant.organisations.training.name,
    });
  });

  it('records nothing for a trainee who did not agree, nor on a stage the partner does not run', async () => {
    const hidden = await trainer.request(ATTEND, {
      input: { period: '2026-10', entries: [{ stageId: unshared.stageId, hoursPlanned: 140, hoursAttended: 100 }] },
    });
    expect(hidden.errors?.[0]?.extensions).toEqual({ code: 'NOT_FOUND', field: 'entries.0.stageId' });
    const result = await trainer.request(RESULT, { input: { stageId: unshared.stageId, outcome: 'COMPLETED', endedOn: '2026-11-13' } });
    expect(result.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    // The integration company does not run this training.
    expect((await aci.request(RESULT, { input: { stageId: shared.stageId, outcome: 'COMPLETED', endedOn: '2026-11-13' } })).errors?.[0]?.extensions?.code).toBe(
      'NOT_FOUND',
    );
  });
});
