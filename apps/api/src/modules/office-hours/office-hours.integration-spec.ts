import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, isoWeekday, parisWallTime } from '@jalon/domain';
import { loadConfig } from '../../config';
import { todayInFrance } from '../../graphql/date-input';
import { parseGlobalId } from '../../graphql/relay';
import { createTenantFixture, FIXTURE_PASSWORD, type TenantFixture } from '../../testing/fixtures';
import { GraphqlClient } from '../../testing/graphql-client';
import { startTestServer, type TestServer } from '../../testing/test-server';
import { mailTransport } from '../notifications/notification-emails';
import { sendOfficeHoursReminders } from './office-hours-reminders';
import { startMailCatcher, type MailCatcher } from '../../testing/mail-catcher';

let server: TestServer;
let tenant: TenantFixture;
let animation: GraphqlClient;
let referent: GraphqlClient;
let commune: GraphqlClient;
let smtp: MailCatcher;

// The requests' clock: starts at 8:00 (Paris) today; tests move it past the office hours.
const TODAY = todayInFrance(new Date());
const DAY = addDays(TODAY, 1);
let now = parisWallTime(TODAY, 8 * 60);

const OFFICE_HOURS_FIELDS = `id version communeName weekday startMinute endMinute slotMinutes address closures { day reason }`;
const SLOTS = `query($from: String, $days: Int) { officeHours { id slots(from: $from, days: $days) { startsAt free } } }`;
const BOOK = `mutation($input: BookOfficeHoursSlotInput!) { bookOfficeHoursSlot(input: $input) { id startsAt title address attendance referralId } }`;

let officeHoursId: string;
let people = 0;
async function referral(email: string | null = null): Promise<string> {
  people++;
  const { submitReferral } = await commune.data(`mutation($input: SubmitReferralInput!) { submitReferral(input: $input) { id } }`, {
    input: {
      details: { firstName: 'Yasmine', lastName: `Permanence${'abcdefghij'[people % 10]}${people}`, birthDate: '1990-06-01', email, communeCode: '38185' },
      situation: 'Sans emploi, suivie par le CCAS.',
      reason: 'Souhaite rencontrer un référent PLIE près de chez elle.',
      agreementMethod: 'SIGNED_FORM',
      agreedOn: TODAY,
    },
  });
  return submitReferral.id;
}
const slotAt = (day: string, hour: number, minute = 0) => parisWallTime(day, hour * 60 + minute).toISOString();
const bookingInput = (startsAt: string, referralId: string) => ({ officeHoursId, startsAt, referralId, agreementMethod: 'SIGNED_FORM', agreedOn: TODAY });

beforeAll(async () => {
  smtp = await startMailCatcher();
  server = await startTestServer({}, { clock: () => now });
  tenant = await createTenantFixture(server, 'Permanences');
  animation = new GraphqlClient(server.app);
  await animation.login(tenant.users.animation.email, FIXTURE_PASSWORD);
  referent = new GraphqlClient(server.app);
  await referent.login(tenant.users.referent.email, FIXTURE_PASSWORD);
  commune = new GraphqlClient(server.app);
  await commune.login(tenant.users.partner.email, FIXTURE_PASSWORD);
  const { referents } = await animation.data(`{ referents { id } }`);
  // The fixture's commune is Grenoble (38185): the referent is assigned there, then holds office hours tomorrow, 9:00–12:00, 30 minutes each.
  const { assignOfficeHoursReferent } = await animation.data(
    `mutation($input: AssignReferentInput!) { assignOfficeHoursReferent(input: $input) { id communeName referentName } }`,
    { input: { referentId: referents[0].id, communeCode: '38185' } },
  );
  expect(assignOfficeHoursReferent.communeName).toBe('Grenoble');
  const { publishOfficeHours } = await referent.data(
    `mutation($input: PublishOfficeHoursInput!) { publishOfficeHours(input: $input) { ${OFFICE_HOURS_FIELDS} } }`,
    {
      input: {
        assignmentId: assignOfficeHoursReferent.id,
        weekday: isoWeekday(DAY),
        startMinute: 9 * 60,
        endMinute: 12 * 60,
        slotMinutes: 30,
        address: 'CCAS, 3 rue Jean-Jaurès',
        validFrom: TODAY,
        idempotencyKey: 'publish-office-hours-1',
      },
    },
  );
  officeHoursId = publishOfficeHours.id;
});
afterAll(async () => {
  await server.close();
  await smtp.close();
});

describe('office hours', () => {
  it('refuses office hours where the referent is not assigned, and names every bad field at once', async () => {
    const response = await referent.request(`mutation($input: PublishOfficeHoursInput!) { publishOfficeHours(input: $input) { id } }`, {
      input: {
        assignmentId: 'T2ZmaWNlSG91cnNBc3NpZ25tZW50Om5vbmU=',
        weekday: 9,
        startMinute: 600,
        endMinute: 540,
        slotMinutes: 7,
        address: ' ',
        validFrom: TODAY,
      },
    });
    expect(response.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    const fields = (response.errors?.[0]?.extensions?.fields as Array<{ field: string }>).map((f) => f.field).sort();
    expect(fields).toEqual(['address', 'assignmentId', 'endMinute', 'slotMinutes', 'weekday']);
    // Only the animation team assigns.
    const assigned = await referent.request(`mutation { assignOfficeHoursReferent(input: { referentId: "x", communeCode: "38185" }) { id } }`);
    expect(assigned.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });

  it('gives the commune its free slots, leaving out a day off', async () => {
    const { officeHours } = await commune.data(SLOTS, { from: DAY, days: 14 });
    expect(officeHours).toHaveLength(1);
    // Two weeks from tomorrow: tomorrow and a week later, six 30-minute slots each.
    expect(officeHours[0].slots.map((s: any) => s.startsAt)).toContain(slotAt(addDays(DAY, 7), 11, 30));
    expect(officeHours[0].slots).toHaveLength(12);
    await referent.data(`mutation($input: CloseOfficeHoursDayInput!) { closeOfficeHoursDay(input: $input) { closures { day reason } } }`, {
      input: { officeHoursId, day: addDays(DAY, 7), reason: 'HOLIDAY' },
    });
    const after = await commune.data(SLOTS, { from: DAY, days: 14 });
    expect(after.officeHours[0].slots).toHaveLength(6);
    expect(after.officeHours[0].slots.every((s: any) => s.free)).toBe(true);
    // A day the hours are not held cannot be closed.
    const wrong = await referent.request(`mutation($input: CloseOfficeHoursDayInput!) { closeOfficeHoursDay(input: $input) { id } }`, {
      input: { officeHoursId, day: addDays(DAY, 1), reason: 'CANCELLED' },
    });
    expect(wrong.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'day' });
    // Nor a day already past, nor one years away.
    for (const day of [addDays(DAY, -7), addDays(DAY, 7 * 200)]) {
      const implausible = await referent.request(`mutation($input: CloseOfficeHoursDayInput!) { closeOfficeHoursDay(input: $input) { id } }`, {
        input: { officeHoursId, day, reason: 'HOLIDAY' },
      });
      expect(implausible.errors?.[0]?.extensions, day).toMatchObject({ code: 'BAD_USER_INPUT', field: 'day' });
    }
  });

  it('two agents booking one slot at once on PostgreSQL: one booking, one clear refusal', async () => {
    const [first, second] = [await referral(), await referral()];
    const other = new GraphqlClient(server.app);
    await other.login(tenant.users.partner.email, FIXTURE_PASSWORD);
    const results = await Promise.all([
      commune.request(BOOK, { input: bookingInput(slotAt(DAY, 9), first) }),
      other.request(BOOK, { input: bookingInput(slotAt(DAY, 9), second) }),
    ]);
    const booked = results.filter((r) => r.data?.bookOfficeHoursSlot);
    const refused = results.filter((r) => r.errors);
    expect(booked).toHaveLength(1);
    expect(refused).toHaveLength(1);
    expect(refused[0]!.errors![0]!.extensions).toMatchObject({ code: 'CONFLICT', reason: 'SLOT_TAKEN', field: 'startsAt' });
    expect(refused[0]!.errors![0]!.message).toMatch(/vient d’être réservé/);
    const count = await server.asOwner((em) =>
      em.execute<Array<{ n: number }>>(`select count(*)::int as n from appointment where office_hours_id is not null and starts_at = ?`, [slotAt(DAY, 9)]),
    );
    expect(count[0]!.n).toBe(1);
    // The database itself refuses a second live booking of the slot, whatever checked before.
    await expect(
      server.asOwner((em) =>
        em.execute(
          `insert into appointment (id, created_at, tenant_id, version, referent_id, kind, starts_at, ends_at, mode, status, office_hours_id)
           select gen_random_uuid(), now(), tenant_id, 1, referent_id, kind, starts_at, ends_at, mode, status, office_hours_id from appointment where office_hours_id is not null and starts_at = ?`,
          [slotAt(DAY, 9)],
        ),
      ),
    ).rejects.toThrow(/appointment_office_hours_slot_unique/);
    // The slot is no longer free; the booking is in the referent's agenda.
    const { officeHours } = await commune.data(SLOTS, { from: DAY, days: 1 });
    expect(officeHours[0].slots.find((s: any) => s.startsAt === slotAt(DAY, 9)).free).toBe(false);
    const { agenda } = await referent.data(`query($from: DateTime!, $to: DateTime!) { agenda(from: $from, to: $to) { title startsAt place communeCode } }`, {
      from: slotAt(DAY, 0),
      to: slotAt(DAY, 23),
    });
    expect(agenda).toEqual([
      { title: expect.stringMatching(/^Permanence — Grenoble : Yasmine P\.$/), startsAt: slotAt(DAY, 9), place: 'LOCAL_OFFICE_HOURS', communeCode: '38185' },
    ]);
    // A day with bookings is not closed behind the residents' backs.
    const closing = await referent.request(`mutation($input: CloseOfficeHoursDayInput!) { closeOfficeHoursDay(input: $input) { id } }`, {
      input: { officeHoursId, day: DAY, reason: 'CANCELLED' },
    });
    expect(closing.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'day' });
  });

  it("refuses a booking without the person's agreement, outside the slots, or for a referral it did not make, writing nothing", async () => {
    const id = await referral();
    const missing = await commune.request(BOOK, { input: { officeHoursId, startsAt: slotAt(DAY, 9, 45), referralId: 'UmVmZXJyYWw6bm9uZQ==' } });
    expect(missing.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect((missing.errors?.[0]?.extensions?.fields as Array<{ field: string }>).map((f) => f.field).sort()).toEqual([
      'agreedOn',
      'agreementMethod',
      'referralId',
      'startsAt',
    ]);
    const past = await commune.request(BOOK, { input: bookingInput(slotAt(TODAY, 7), id) });
    expect(past.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'startsAt' });
    const count = await server.asOwner((em) =>
      em.execute<Array<{ n: number }>>(`select count(*)::int as n from appointment where referral_id = ?`, [parseGlobalId(id)!.id]),
    );
    expect(count[0]!.n).toBe(0);
  });

  it("includes the office hours in the referent's iCalendar export and in the commune's private calendar, until it is revoked", async () => {
    const ics = await server.app.inject({
      method: 'GET',
      url: `/agenda.ics?from=${slotAt(TODAY, 0)}&to=${slotAt(addDays(DAY, 14), 0)}`,
      headers: { cookie: referent.cookie! },
    });
    expect(ics.statusCode).toBe(200);
    expect(ics.body).toContain('SUMMARY:Permanence — Grenoble\r\n');
    expect(ics.body).toContain('LOCATION:CCAS\\, 3 rue Jean-Jaurès');
    expect(ics.body).toContain('SUMMARY:Permanence — Grenoble : Yasmine P.');
    // Tomorrow and two weeks on; the week after is off (a holiday).
    expect(ics.body.match(/SUMMARY:Permanence — Grenoble\r\n/g)).toHaveLength(2);

    const { createOfficeHoursCalendarLink } = await commune.data(`mutation { createOfficeHoursCalendarLink { url } }`);
    const path = new URL(createOfficeHoursCalendarLink.url).pathname;
    const subscribed = await server.app.inject({ method: 'GET', url: path });
    expect(subscribed.statusCode).toBe(200);
    expect(subscribed.body).toContain('SUMMARY:Permanence — Grenoble');
    expect(subscribed.body).toContain('1 rendez-vous réservé(s)');
    // No person's name in a link that may be forwarded.
    expect(subscribed.body).not.toContain('Yasmine');
    expect((await commune.data(`{ officeHoursCalendarLink { createdAt url } }`)).officeHoursCalendarLink.url).toBeNull();
    // Only the hash is stored.
    const stored = await server.asOwner((em) => em.execute<Array<{ token_hash: string }>>(`select token_hash from office_hours_calendar_link`));
    expect(stored.map((r) => r.token_hash)).not.toContain(path.split('/').pop()!.replace('.ics', ''));

    expect((await commune.data(`mutation { revokeOfficeHoursCalendarLink }`)).revokeOfficeHoursCalendarLink).toBe(true);
    const revoked = await server.app.inject({ method: 'GET', url: path });
    expect(revoked.statusCode).toBe(404);
    expect(revoked.body).not.toContain('Permanence');
    expect((await server.app.inject({ method: 'GET', url: '/office-hours/not-a-token.ics' })).statusCode).toBe(404);
  });

  it('reminds the resident by email the day before when her address is known', async () => {
    const withEmail = await referral('yasmine.permanence@example.test');
    const without = await referral(null);
    // A retried booking (same key) gives the same appointment, booked once.
    const key = { idempotencyKey: 'book-office-hours-retry' };
    const first = await commune.data(BOOK, { input: { ...bookingInput(slotAt(DAY, 10), withEmail), ...key } });
    const retried = await commune.data(BOOK, { input: { ...bookingInput(slotAt(DAY, 10), withEmail), ...key } });
    expect(retried).toEqual(first);
    await commune.data(BOOK, { input: bookingInput(slotAt(DAY, 10, 30), without) });
    const config = loadConfig({ SMTP_URL: smtp.url, SMTP_FROM: 'Jalon <permanences@plie.test>' });
    const transport = mailTransport(config)!;
    // Two days ahead: nothing yet. The evening before: one reminder, the one with an address; never twice.
    expect(await sendOfficeHoursReminders(server.database.orm, transport, config, parisWallTime(TODAY, 8 * 60 - 24 * 60))).toBe(0);
    const before = parisWallTime(TODAY, 18 * 60);
    expect(await sendOfficeHoursReminders(server.database.orm, transport, config, before)).toBe(1);
    expect(await sendOfficeHoursReminders(server.database.orm, transport, config, before)).toBe(0);
    const mail = smtp.received.find((m) => m.recipients.includes('yasmine.permanence@example.test'))!;
    expect(mail.mail.subject).toMatch(/^Rappel : rendez-vous le /);
    expect(mail.mail.text).toContain('CCAS, 3 rue Jean-Jaurès');
    expect(mail.mail.text).toMatch(/10:00/);
    expect(smtp.received.filter((m) => m.recipients.includes('yasmine.permanence@example.test'))).toHaveLength(1);
  });

  it('counts occupancy and no-shows in SQL for the commune, withholding small counts, against a hand count', async () => {
    // Tomorrow's six slots: 9:00 (booked above), 10:00 and 10:30 (booked above); three more now, then all six are taken.
    for (const [hour, minute] of [
      [9, 30],
      [11, 0],
      [11, 30],
    ] as const)
      await commune.data(BOOK, { input: bookingInput(slotAt(DAY, hour, minute), await referral()) });
    const { officeHours } = await commune.data(SLOTS, { from: DAY, days: 1 });
    expect(officeHours[0].slots.filter((s: any) => s.free)).toHaveLength(0);
    // Attendance can only be recorded once the appointment started.
    const { referentOfficeHoursBookings } = await referent.data(
      `query($from: DateTime!, $to: DateTime!) { referentOfficeHoursBookings(from: $from, to: $to) { id startsAt } }`,
      {
        from: slotAt(DAY, 0),
        to: slotAt(DAY, 23),
      },
    );
    expect(referentOfficeHoursBookings).toHaveLength(6);
    const early = await referent.request(`mutation($id: ID!) { recordOfficeHoursAttendance(appointmentId: $id, attendance: PRESENT) { id } }`, {
      id: referentOfficeHoursBookings[0].id,
    });
    expect(early.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    now = parisWallTime(DAY, 13 * 60);
    // A day on, the sessions have expired: log in again.
    await referent.login(tenant.users.referent.email, FIXTURE_PASSWORD);
    await commune.login(tenant.users.partner.email, FIXTURE_PASSWORD);
    // Hand count: 6 offered, 6 booked; 5 came, 1 did not (withheld: fewer than 5).
    for (const [index, booking] of referentOfficeHoursBookings.entries())
      await referent.data(
        `mutation($id: ID!, $attendance: Attendance!) { recordOfficeHoursAttendance(appointmentId: $id, attendance: $attendance) { attendance } }`,
        {
          id: booking.id,
          attendance: index === 2 ? 'ABSENT' : 'PRESENT',
        },
      );
    const { officeHoursFigures } = await commune.data(
      `{ officeHoursFigures { offeredSlots booked attended noShows occupancyPercent noShowPercent smallestPublished } }`,
    );
    expect(officeHoursFigures).toEqual({
      offeredSlots: 6,
      booked: 6,
      attended: 5,
      noShows: null,
      occupancyPercent: 100,
      noShowPercent: null,
      smallestPublished: 5,
    });
    // Staff do not read a commune's figures here; the integration company has no office hours at all.
    const aci = new GraphqlClient(server.app);
    await aci.login(tenant.users.aci.email, FIXTURE_PASSWORD);
    expect((await aci.request(`{ officeHoursFigures { booked } }`)).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect((await aci.request(`{ officeHours { id } }`)).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });
});
