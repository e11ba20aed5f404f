import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays } from '@jalon/domain';
import { todayInFrance } from '../../graphql/date-input';
import { createTenantFixture, FIXTURE_PASSWORD, type TenantFixture } from '../../testing/fixtures';
import { GraphqlClient } from '../../testing/graphql-client';
import { startTestServer, type TestServer } from '../../testing/test-server';

let server: TestServer;
let tenant: TenantFixture;
let referent: GraphqlClient;

beforeAll(async () => {
  server = await startTestServer();
  tenant = await createTenantFixture(server, 'Alertes');
  referent = new GraphqlClient(server.app);
  await referent.login(tenant.users.referent.email, FIXTURE_PASSWORD);
});
afterAll(() => server.close());

const ALERTS = `query($search: String) { participants(filter: { search: $search }) { edges { node { alerts } } } }`;
const alertsOf = async (lastName: string) => (await referent.data(ALERTS, { search: lastName })).participants.edges[0].node.alerts;

describe('caseload alerts', () => {
  it('update as the referent works: unseen for 60 days, ESF+ incomplete, review due, then quiet', async () => {
    const today = todayInFrance(new Date());
    const created = await referent.data(`mutation($input: CreateParticipantInput!) { createParticipant(input: $input) { id currentPathway { id version } } }`, {
      input: { details: { firstName: 'Nora', lastName: 'Alerte', birthDate: '1980-10-10', gender: 'WOMAN' }, referralDate: addDays(today, -90) },
    });
    const { id, currentPathway } = created.createParticipant;
    await referent.data(`mutation($input: ChangePathwayStatusInput!) { changePathwayStatus(input: $input) { id } }`, {
      input: { pathwayId: currentPathway.id, version: currentPathway.version, status: 'ACTIVE', date: addDays(today, -80) },
    });
    expect(await alertsOf('Alerte')).toEqual(['NO_RECENT_APPOINTMENT', 'ESF_DATA_INCOMPLETE']);

    const answered = {
      employmentSituation: 'UNEMPLOYED',
      educationLevel: 2,
      disability: 'NO',
      thirdCountryNational: 'NO',
      foreignBackground: 'REFUSED',
      minority: 'REFUSED',
      homeless: 'NO',
      ruralArea: 'NO',
    };
    const pathway = (await referent.data(`query($id: ID!) { participant(id: $id) { currentPathway { id esfVersion } } }`, { id })).participant.currentPathway;
    await referent.data(`mutation($input: UpdatePathwayEntryInput!) { updatePathwayEntry(input: $input) { id } }`, {
      input: { pathwayId: pathway.id, version: pathway.esfVersion, entry: answered },
    });

    const { scheduleAppointment } = await referent.data(`mutation($input: ScheduleAppointmentInput!) { scheduleAppointment(input: $input) { id } }`, {
      input: {
        kind: 'INDIVIDUAL',
        startsAt: `${addDays(today, -3)}T10:00:00+01:00`,
        endsAt: `${addDays(today, -3)}T11:00:00+01:00`,
        mode: 'PHONE',
        participantIds: [id],
      },
    });
    expect(await alertsOf('Alerte')).toEqual(['NO_RECENT_APPOINTMENT']);
    await referent.data(`mutation($input: RecordAttendanceInput!) { recordAttendance(input: $input) { id } }`, {
      input: { appointmentId: scheduleAppointment.id, participantId: id, attendance: 'PRESENT' },
    });
    expect(await alertsOf('Alerte')).toEqual([]);

    await referent.data(`mutation($input: RecordContractInput!) { recordContract(input: $input) { number } }`, {
      input: { pathwayId: pathway.id, amends: 0, objectives: ['Emploi durable'], startsOn: addDays(today, -80), reviewOn: addDays(today, 10) },
    });
    expect(await alertsOf('Alerte')).toEqual(['CONTRACT_REVIEW_DUE']);

    // The caseload filters on the same conditions, and on the kind of stage planned.
    const names = async (filter: string) =>
      (await referent.data(`{ participants(filter: ${filter}) { totalCount edges { node { lastName } } } }`)).participants;
    expect(await names('{ alert: CONTRACT_REVIEW_DUE }')).toEqual({ totalCount: 1, edges: [{ node: { lastName: 'Alerte' } }] });
    expect((await names('{ alert: NO_RECENT_APPOINTMENT }')).totalCount).toBe(0);
    const kinds = (await referent.data(`{ stageKinds { id code } }`)).stageKinds;
    const pmsmp = kinds.find((k: any) => k.code === 'IMMERSION_PMSMP').id;
    expect((await names(`{ stageKindId: "${pmsmp}" }`)).totalCount).toBe(0);
    await referent.data(`mutation($input: AddStageInput!) { addStage(input: $input) { id } }`, {
      input: { pathwayId: pathway.id, kindId: pmsmp, plannedStart: today },
    });
    expect(await names(`{ stageKindId: "${pmsmp}" }`)).toEqual({ totalCount: 1, edges: [{ node: { lastName: 'Alerte' } }] });
  });
});
