import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTenantFixture, FIXTURE_PASSWORD, type TenantFixture } from '../../testing/fixtures';
import { GraphqlClient, nodesOf } from '../../testing/graphql-client';
import { startTestServer, type TestServer } from '../../testing/test-server';

/** The request clock: the session of 24 November is past (recorded as held), the bookings of December to come. */
const clock = new Date('2026-11-27T10:00:00Z');
let server: TestServer;
let tenant: TenantFixture;
let referent: GraphqlClient;
const people: string[] = [];

const APPOINTMENT = 'id version kind title startsAt endsAt mode place status attendees { participantId displayName attendance }';
const SCHEDULE = `mutation($input: ScheduleAppointmentInput!) { scheduleAppointment(input: $input) { ${APPOINTMENT} } }`;

beforeAll(async () => {
  server = await startTestServer({}, { clock: () => clock });
  tenant = await createTenantFixture(server, 'Agenda');
  referent = new GraphqlClient(server.app);
  await referent.login(tenant.users.referent.email, FIXTURE_PASSWORD);
  for (const firstName of ['Aïcha', 'Bruno', 'Chloé']) {
    const created = await referent.data(`mutation($input: CreateParticipantInput!) { createParticipant(input: $input) { id } }`, {
      input: { details: { firstName, lastName: 'Test', birthDate: '1990-06-15' } },
    });
    people.push(created.createParticipant.id);
  }
});
afterAll(() => server.close());

const individual = (participant: string, startsAt: string, endsAt: string) => ({
  kind: 'INDIVIDUAL',
  startsAt,
  endsAt,
  mode: 'IN_PERSON',
  place: 'LOCAL_OFFICE_HOURS',
  communeCode: '38151',
  participantIds: [participant],
});

describe('appointments and the agenda', () => {
  it('books an appointment at local office hours, and refuses a second one overlapping it, naming the clash', async () => {
    const booked = await referent.data(SCHEDULE, { input: individual(people[0]!, '2026-12-01T09:00:00+01:00', '2026-12-01T10:00:00+01:00') });
    expect(booked.scheduleAppointment).toMatchObject({
      kind: 'INDIVIDUAL',
      place: 'LOCAL_OFFICE_HOURS',
      status: 'PLANNED',
      attendees: [{ displayName: 'Aïcha Test', attendance: 'EXPECTED' }],
    });
    const clash = await referent.request(SCHEDULE, { input: individual(people[1]!, '2026-12-01T09:30:00+01:00', '2026-12-01T10:30:00+01:00') });
    expect(clash.errors?.[0]).toMatchObject({
      extensions: { code: 'BAD_USER_INPUT', field: 'startsAt' },
      message: expect.stringContaining('01/12/2026 09:00'),
    });
    // Back to back is fine.
    expect(
      (await referent.request(SCHEDULE, { input: individual(people[1]!, '2026-12-01T10:00:00+01:00', '2026-12-01T10:45:00+01:00') })).errors,
    ).toBeUndefined();
  });

  it('two simultaneous bookings of the same slot: exactly one wins', async () => {
    const second = new GraphqlClient(server.app);
    await second.login(tenant.users.referent.email, FIXTURE_PASSWORD);
    const results = await Promise.all([
      referent.request(SCHEDULE, { input: individual(people[0]!, '2026-12-02T14:00:00+01:00', '2026-12-02T15:00:00+01:00') }),
      second.request(SCHEDULE, { input: individual(people[1]!, '2026-12-02T14:30:00+01:00', '2026-12-02T15:30:00+01:00') }),
    ]);
    expect(results.filter((r) => !r.errors).length).toBe(1);
    expect(results.find((r) => r.errors)?.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'startsAt' });
  });

  it('refuses inconsistent bookings field by field', async () => {
    const cases: Array<[Record<string, unknown>, string]> = [
      [{ endsAt: '2026-12-03T08:00:00+01:00' }, 'endsAt'],
      [{ participantIds: [people[0], people[1]] }, 'participantIds'],
      [{ kind: 'COLLECTIVE' }, 'title'],
      [{ place: null }, 'place'],
      [{ communeCode: '00000' }, 'communeCode'],
      [{ mode: 'VIDEO', videoLink: 'http://insecure' }, 'videoLink'],
    ];
    for (const [overrides, field] of cases) {
      const response = await referent.request(SCHEDULE, {
        input: { ...individual(people[2]!, '2026-12-03T09:00:00+01:00', '2026-12-03T10:00:00+01:00'), ...overrides },
      });
      expect({ field, extensions: response.errors?.[0]?.extensions }).toEqual({
        field,
        extensions: { code: 'BAD_USER_INPUT', field, fields: [{ field, message: expect.any(String) }] },
      });
    }
  });

  it('names every bad field of a booking at once, and books nothing', async () => {
    const before = (await referent.data(`{ agenda(from: "2026-12-10T00:00:00Z", to: "2026-12-11T00:00:00Z") { id } }`)).agenda.length;
    const response = await referent.request(SCHEDULE, {
      input: {
        ...individual(people[2]!, '2026-12-10T09:00:00+01:00', '2026-12-10T08:00:00+01:00'),
        kind: 'COLLECTIVE',
        mode: 'VIDEO',
        videoLink: 'http://insecure',
      },
    });
    const fields = response.errors?.[0]?.extensions?.fields as Array<{ field: string }>;
    expect(fields.map((f) => f.field)).toEqual(['endsAt', 'title', 'videoLink']);
    expect((await referent.data(`{ agenda(from: "2026-12-10T00:00:00Z", to: "2026-12-11T00:00:00Z") { id } }`)).agenda).toHaveLength(before);
  });

  it('records a past appointment as held, never as planned, and refuses absurd days', async () => {
    // Booked on 27 November for the 25th: it took place, it is recorded as held.
    const past = await referent.data(SCHEDULE, { input: individual(people[2]!, '2026-11-25T09:00:00+01:00', '2026-11-25T10:00:00+01:00') });
    expect(past.scheduleAppointment.status).toBe('HELD');
    const update = `mutation($input: UpdateAppointmentInput!) { updateAppointment(input: $input) { status } }`;
    const { id, version } = past.scheduleAppointment;
    const keptPlanned = await referent.request(update, {
      input: { id, version, startsAt: '2026-11-25T09:00:00+01:00', endsAt: '2026-11-25T10:00:00+01:00', status: 'PLANNED' },
    });
    expect(keptPlanned.errors?.[0]).toMatchObject({ message: expect.stringMatching(/ne peut pas rester « Prévu »/), extensions: { field: 'status' } });
    const tooOld = await referent.request(SCHEDULE, { input: individual(people[2]!, '1900-01-01T09:00:00+01:00', '1900-01-01T10:00:00+01:00') });
    expect(tooOld.errors?.[0]).toMatchObject({ message: 'Cette date doit être au plus tôt le 27/11/2025.', extensions: { field: 'startsAt' } });
    const tooFar = await referent.request(SCHEDULE, { input: individual(people[2]!, '2999-12-31T09:00:00+01:00', '2999-12-31T10:00:00+01:00') });
    expect(tooFar.errors?.[0]).toMatchObject({ message: 'Cette date doit être au plus tard le 31/12/2028.', extensions: { field: 'startsAt' } });
  });

  it('runs a collective session with several participants and records each one’s attendance', async () => {
    const { scheduleAppointment: session } = await referent.data(SCHEDULE, {
      input: {
        kind: 'COLLECTIVE',
        title: 'Atelier CV',
        startsAt: '2026-11-24T14:00:00+01:00',
        endsAt: '2026-11-24T16:00:00+01:00',
        mode: 'IN_PERSON',
        place: 'OFFICE',
        participantIds: people,
      },
    });
    const future = await referent.data(SCHEDULE, { input: individual(people[2]!, '2027-01-05T09:00:00+01:00', '2027-01-05T10:00:00+01:00') });
    const tooSoon = await referent.request(`mutation($input: RecordAttendanceInput!) { recordAttendance(input: $input) { status } }`, {
      input: { appointmentId: future.scheduleAppointment.id, participantId: people[2], attendance: 'PRESENT' },
    });
    expect(tooSoon.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'appointmentId' });
    const mark = (participantId: string, attendance: string) =>
      referent.data(`mutation($input: RecordAttendanceInput!) { recordAttendance(input: $input) { status attendees { displayName attendance } } }`, {
        input: { appointmentId: session.id, participantId, attendance },
      });
    await mark(people[0]!, 'PRESENT');
    await mark(people[1]!, 'EXCUSED');
    const done = await mark(people[2]!, 'ABSENT');
    expect(done.recordAttendance.status).toBe('HELD');
    expect(done.recordAttendance.attendees.map((a: any) => a.attendance).sort()).toEqual(['ABSENT', 'EXCUSED', 'PRESENT']);
    const history = await referent.data(
      `query($id: ID!) { participantAppointments(participantId: $id, page: { first: 100 }) { edges { node { title attendees { displayName } } } } }`,
      {
        id: people[1],
      },
    );
    const workshop = nodesOf(history.participantAppointments).find((a: any) => a.title === 'Atelier CV');
    expect(workshop.attendees).toHaveLength(3);
  });

  it('shows the week’s agenda and exports it as an iCalendar file', async () => {
    const week = await referent.data(
      `{ agenda(from: "2026-11-23T00:00:00+01:00", to: "2026-12-07T00:00:00+01:00") { title startsAt attendees { displayName } } }`,
    );
    expect(week.agenda.length).toBeGreaterThanOrEqual(4);
    expect(week.agenda.map((a: any) => a.startsAt)).toEqual([...week.agenda.map((a: any) => a.startsAt)].sort());
    const ics = await server.app.inject({
      method: 'GET',
      url: '/agenda.ics?from=2026-11-22T23:00:00Z&to=2026-12-06T23:00:00Z',
      headers: { cookie: referent.cookie! },
    });
    expect(ics.statusCode).toBe(200);
    expect(ics.headers['content-type']).toMatch(/text\/calendar/);
    expect(ics.body).toContain('BEGIN:VCALENDAR');
    expect(ics.body.match(/BEGIN:VEVENT/g)?.length).toBe(week.agenda.length);
    expect(ics.body).toContain('SUMMARY:Atelier CV');
    // 14:00 in Paris in November is 13:00 UTC, written as such.
    expect(ics.body).toContain('DTSTART:20261124T130000Z');
    // Participants appear by first name and initial only in a file that leaves the application.
    expect(ics.body).toContain('Aïcha T.');
    expect(ics.body).not.toContain('Aïcha Test');
    expect((await server.app.inject({ method: 'GET', url: '/agenda.ics' })).statusCode).toBe(401);
    // A start that is no date is refused, naming it (it once read as a start after the end).
    const unreadable = await server.app.inject({ method: 'GET', url: '/agenda.ics?from=lundi', headers: { cookie: referent.cookie! } });
    expect(unreadable.statusCode).toBe(400);
    expect(unreadable.json()).toMatchObject({ code: 'BAD_USER_INPUT', field: 'from' });
  });

  it("a referent cannot open a colleague's agenda; the animation team can", async () => {
    const animation = new GraphqlClient(server.app);
    await animation.login(tenant.users.animation.email, FIXTURE_PASSWORD);
    const referents = await animation.data(`{ referents { id displayName } }`);
    const mine = referents.referents[0].id;
    const seen = await animation.data(`query($id: ID!) { agenda(from: "2026-11-30T00:00:00Z", to: "2026-12-07T00:00:00Z", referentId: $id) { title } }`, {
      id: mine,
    });
    expect(seen.agenda.length).toBeGreaterThan(0);
    const other = new GraphqlClient(server.app);
    const otherTenant = await createTenantFixture(server, 'Autre agenda');
    await other.login(otherTenant.users.referent.email, FIXTURE_PASSWORD);
    const foreign = await other.request(`query($id: ID!) { agenda(from: "2026-11-30T00:00:00Z", to: "2026-12-07T00:00:00Z", referentId: $id) { title } }`, {
      id: mine,
    });
    expect(foreign.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });

  it("exports a referent's agenda for the animation team, not for a partner nor another PLIE", async () => {
    const ics = (client: GraphqlClient, referentId: string) =>
      server.app.inject({
        method: 'GET',
        url: `/agenda.ics?from=2026-11-22T23:00:00Z&to=2026-12-06T23:00:00Z&referentId=${encodeURIComponent(referentId)}`,
        headers: client.cookie ? { cookie: client.cookie } : {},
      });
    const animation = new GraphqlClient(server.app);
    await animation.login(tenant.users.animation.email, FIXTURE_PASSWORD);
    const { referents } = await animation.data<{ referents: Array<{ id: string; displayName: string }> }>(`{ referents { id displayName } }`);
    const nadia = referents.find((r) => r.displayName.startsWith('referent '))!;

    const exported = await ics(animation, nadia.id);
    expect(exported.statusCode).toBe(200);
    expect(exported.body).toContain('SUMMARY:Atelier CV');
    expect(exported.body).toContain('Aïcha T.');
    // Without a referent the animation team has no agenda of its own to export.
    expect((await server.app.inject({ method: 'GET', url: '/agenda.ics', headers: { cookie: animation.cookie! } })).statusCode).toBe(400);

    const partner = new GraphqlClient(server.app);
    await partner.login(tenant.users.partner.email, FIXTURE_PASSWORD);
    const refusedToPartner = await ics(partner, nadia.id);
    expect(refusedToPartner.statusCode).toBe(403);
    expect(refusedToPartner.body).not.toContain('VCALENDAR');

    const otherTenant = await createTenantFixture(server, 'Autre export');
    const foreignTeam = new GraphqlClient(server.app);
    await foreignTeam.login(otherTenant.users.animation.email, FIXTURE_PASSWORD);
    const refusedToOtherPlie = await ics(foreignTeam, nadia.id);
    expect(refusedToOtherPlie.statusCode).toBe(400);
    expect(refusedToOtherPlie.body).not.toContain('VCALENDAR');
  });
});
