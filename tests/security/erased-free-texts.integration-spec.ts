import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTenantFixture, loggedIn, type TenantFixture } from '@jalon/api/src/testing/fixtures';
import type { GraphqlClient } from '@jalon/api/src/testing/graphql-client';
import { todayInFrance } from '@jalon/api/src/graphql/date-input';
import { parseGlobalId } from '@jalon/api/src/graphql/relay';
import { startTestServer, type TestServer } from '@jalon/api/src/testing/test-server';

/** The request clock: the sessions below run from January to March 2027, ahead of it. */
const NOW = new Date('2026-12-07T09:00:00Z');

/**
 * Hostile review: an erased (anonymised) file keeps no free text about the person (retention
 * README: identity, contact and free texts go), in the tables wave 2 added too: the reason and the
 * operator's note of a positioning, the note of a need recorded for her, the message she wrote in
 * her rights request, and the title of an appointment of hers alone (which names her).
 */
const MARK = 'LOUISE-VIGNAL';

let server: TestServer;
let tenant: TenantFixture;
let referent: GraphqlClient;
let animation: GraphqlClient;
let participantId: string;
let groupAppointmentId: string;

beforeAll(async () => {
  server = await startTestServer({}, { clock: () => NOW });
  tenant = await createTenantFixture(server, 'Effacement');
  referent = await loggedIn(server, tenant.users.referent.email);
  animation = await loggedIn(server, tenant.users.animation.email);
  const kinds = Object.fromEntries((await referent.data(`{ stageKinds { id code } }`)).stageKinds.map((k: { id: string; code: string }) => [k.code, k.id]));

  const person = async (firstName: string) => {
    const { createParticipant } = await referent.data(
      `mutation($details: ParticipantDetailsInput!) { createParticipant(input: { details: $details, confirmNotDuplicate: true }) { id currentPathway { id version } } }`,
      { details: { firstName, lastName: 'Vignal', birthDate: '1985-05-05', phone: '0611223366', communeCode: '38151' } },
    );
    await referent.data(`mutation($input: ChangePathwayStatusInput!) { changePathwayStatus(input: $input) { id } }`, {
      input: {
        pathwayId: createParticipant.currentPathway.id,
        version: createParticipant.currentPathway.version,
        status: 'ACTIVE',
        date: todayInFrance(NOW),
      },
    });
    return { id: createParticipant.id as string, pathwayId: createParticipant.currentPathway.id as string };
  };
  const louise = await person('Louise');
  const other = await person('Autre');
  participantId = louise.id;

  const { createProgrammeAction } = await animation.data(`mutation($input: CreateProgrammeActionInput!) { createProgrammeAction(input: $input) { id } }`, {
    input: { title: 'FLE', operatorId: tenant.organisations.training.globalId, kindId: kinds.TRAINING_LANGUAGE, funding: 'PLIE', targetPublic: 'Allophones' },
  });
  const { addProgrammeSession } = await animation.data(`mutation($input: AddProgrammeSessionInput!) { addProgrammeSession(input: $input) { id } }`, {
    input: { actionId: createProgrammeAction.id, startsOn: '2027-01-11', endsOn: '2027-03-26', communeCode: '38151', places: 8 },
  });
  await referent.data(`mutation($input: ProposePositioningInput!) { proposePositioning(input: $input) { id } }`, {
    input: { sessionId: addProgrammeSession.id, pathwayId: louise.pathwayId, reason: `${MARK} parle peu le français`, consent: null },
  });
  await referent.data(`mutation($input: RecordProgrammeNeedInput!) { recordProgrammeNeed(input: $input) { id } }`, {
    input: { kindId: kinds.TRAINING_LANGUAGE, communeCode: '38151', people: 1, period: '2027-03', participantId: louise.id, note: `${MARK} attend un FLE` },
  });
  const soon = Date.now() + 3 * 86_400_000;
  const schedule = async (participantIds: string[], title: string, hoursLater: number) =>
    (
      await referent.data(`mutation($input: ScheduleAppointmentInput!) { scheduleAppointment(input: $input) { id } }`, {
        input: {
          participantIds,
          kind: participantIds.length > 1 ? 'COLLECTIVE' : 'INDIVIDUAL',
          mode: 'IN_PERSON',
          place: 'OFFICE',
          title,
          startsAt: new Date(soon + hoursLater * 3_600_000).toISOString(),
          endsAt: new Date(soon + (hoursLater + 1) * 3_600_000).toISOString(),
        },
      })
    ).scheduleAppointment.id as string;
  await schedule([louise.id], `Point avec ${MARK}`, 0);
  groupAppointmentId = await schedule([louise.id, other.id], 'Atelier CV', 2);

  await server.asOwner(async (em) => {
    const id = parseGlobalId(louise.id)!.id;
    await em.execute(
      `insert into rights_request (id, created_at, tenant_id, participant_id, kind, message, due_on, status, answer, answered_at)
       values (gen_random_uuid(), now(), ?, ?, 'CORRECTION', ?, current_date + 30, 'ANSWERED', ?, now())`,
      [tenant.tenantId, id, `Je suis ${MARK}, 3 rue des Alpes`, `Adresse de ${MARK} corrigée`],
    );
    await em.execute(`update positioning set answer_note = ? where participant_id = ?`, [`Vu ${MARK}`, id]);
    await em.execute(
      `update pathway set status = 'CLOSED', referral_date = '2019-01-10', entry_date = '2019-02-01', exit_date = '2020-01-15', closed_on = '2020-01-31' where participant_id = ?`,
      [id],
    );
    await em.execute(`update participant set current_status = 'CLOSED' where id = ?`, [id]);
  });
}, 120_000);

afterAll(() => server?.close());

describe('an erased file', () => {
  it('keeps no free text naming her in positionings, needs, rights requests or her own appointments', async () => {
    const erased = await animation.request(`mutation($input: EraseParticipantInput!) { eraseParticipant(input: $input) { kind } }`, {
      input: { participantId, reason: 'Demande d’effacement de la personne' },
    });
    expect(erased.errors).toBeUndefined();
    const id = parseGlobalId(participantId)!.id;
    const texts = await server.asOwner((em) =>
      em.execute<Array<{ source: string; text: string | null }>>(
        `select 'positioning' as source, reason || ' ' || coalesce(answer_note, '') as text from positioning where participant_id = ?
         union all select 'need', note from programme_need where participant_id = ?
         union all select 'rights_request', message || ' ' || coalesce(answer, '') from rights_request where participant_id = ?
         union all select 'appointment', a.title from appointment a join appointment_attendee e on e.appointment_id = a.id where e.participant_id = ?`,
        [id, id, id, id],
      ),
    );
    expect(texts.length).toBeGreaterThanOrEqual(5);
    expect(texts.filter((row) => row.text?.includes('VIGNAL'))).toEqual([]);
    // A group appointment is not hers alone: its title stays for the others.
    const [group] = await server.asOwner((em) =>
      em.execute<Array<{ title: string }>>(`select title from appointment where id = ?`, [parseGlobalId(groupAppointmentId)!.id]),
    );
    expect(group!.title).toBe('Atelier CV');
  });
});
