import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, isoWeekday, parisWallTime } from '@jalon/domain';
import { todayInFrance } from '@jalon/api/src/graphql/date-input';
import { parseGlobalId } from '@jalon/api/src/graphql/relay';
import { createTenantFixture, loggedIn, type TenantFixture } from '@jalon/api/src/testing/fixtures';
import type { GraphqlClient } from '@jalon/api/src/testing/graphql-client';
import { startTestServer, type TestServer } from '@jalon/api/src/testing/test-server';

/**
 * A commune reads and books the office hours held in its own commune only, for residents it refers
 * itself, with their agreement; it reads back the bookings it made and nothing else of the
 * referent's agenda. Other partners, other communes' office hours, another PLIE, guessed ids,
 * aliases and fragments reach nothing; a revoked calendar link gives nothing. (Row by row in SQL:
 * rls-by-table, office_hours*.)
 */
let server: TestServer;
let tenant: TenantFixture;
let other: TenantFixture;
let commune: GraphqlClient;
let grenobleHours: string;
let echirollesHours: string;
let ownReferral: string;

const TODAY = todayInFrance(new Date());
const DAY = addDays(TODAY, 1);
const slot = (hour: number) => parisWallTime(DAY, hour * 60).toISOString();
const login = (email: string) => loggedIn(server, email);
const codeOf = (response: { errors?: Array<{ extensions?: Record<string, unknown> }> }) => response.errors?.[0]?.extensions?.code;
const BOOK = `mutation($input: BookOfficeHoursSlotInput!) { bookOfficeHoursSlot(input: $input) { id title } }`;
const book = (officeHoursId: string, startsAt: string, referralId: string, agreement = true) => ({
  input: { officeHoursId, startsAt, referralId, ...(agreement ? { agreementMethod: 'ORAL_WITH_WITNESS', agreedOn: TODAY } : {}) },
});

async function refer(client: GraphqlClient, lastName: string): Promise<string> {
  const { submitReferral } = await client.data(`mutation($input: SubmitReferralInput!) { submitReferral(input: $input) { id } }`, {
    input: {
      details: { firstName: 'Résidente', lastName, birthDate: '1989-02-02', communeCode: '38185' },
      situation: 'Suivie par le service social.',
      reason: 'Rencontrer un référent à la permanence.',
      agreementMethod: 'SIGNED_FORM',
      agreedOn: TODAY,
    },
  });
  return submitReferral.id;
}

async function officeHoursIn(fixture: TenantFixture, communeCode: string): Promise<string> {
  const animation = await login(fixture.users.animation.email);
  const referent = await login(fixture.users.referent.email);
  const { referents } = await animation.data(`{ referents { id } }`);
  const { assignOfficeHoursReferent } = await animation.data(`mutation($input: AssignReferentInput!) { assignOfficeHoursReferent(input: $input) { id } }`, {
    input: { referentId: referents[0].id, communeCode },
  });
  const { publishOfficeHours } = await referent.data(`mutation($input: PublishOfficeHoursInput!) { publishOfficeHours(input: $input) { id } }`, {
    input: {
      assignmentId: assignOfficeHoursReferent.id,
      weekday: isoWeekday(DAY),
      startMinute: 540,
      endMinute: 720,
      slotMinutes: 60,
      address: `Mairie ${communeCode}`,
      validFrom: TODAY,
    },
  });
  return publishOfficeHours.id;
}

beforeAll(async () => {
  server = await startTestServer();
  tenant = await createTenantFixture(server, 'Permanences sécurité');
  other = await createTenantFixture(server, 'Permanences ailleurs');
  // The fixture's commune is Grenoble (38185); the referent also holds office hours in Échirolles (38151).
  grenobleHours = await officeHoursIn(tenant, '38185');
  echirollesHours = await officeHoursIn(tenant, '38151');
  // Another PLIE holds office hours in Grenoble too, for its own Grenoble partner.
  await officeHoursIn(other, '38185');
  commune = await login(tenant.users.partner.email);
  ownReferral = await refer(commune, 'Sécurité');
});
afterAll(() => server.close());

describe('office hours and partners', () => {
  it("shows a commune its own commune's office hours only, by name, alias or fragment", async () => {
    const { officeHours } = await commune.data(`{ officeHours { id communeCode assignmentId slots { free } } }`);
    expect(officeHours.map((h: any) => [h.id, h.communeCode, h.assignmentId])).toEqual([[grenobleHours, '38185', null]]);
    const aliased = await commune.data(
      `{ a: officeHours { id } b: officeHours(referentId: "${tenant.users.referent.membershipId}") { ...H } } fragment H on OfficeHours { id communeCode referentName }`,
    );
    expect([...aliased.a, ...aliased.b].map((h: any) => h.id)).toEqual([grenobleHours, grenobleHours]);
    // Another PLIE's Grenoble partner: its own PLIE's office hours, never these.
    const stranger = await login(other.users.partner.email);
    const theirs = (await stranger.data(`{ officeHours { id } }`)).officeHours.map((h: any) => h.id);
    expect(theirs).toHaveLength(1);
    expect(theirs).not.toContain(grenobleHours);
  });

  it("refuses a booking in another commune's or another PLIE's office hours, or for a referral it did not make, as not found", async () => {
    expect((await commune.request(BOOK, book(echirollesHours, slot(9), ownReferral))).errors?.[0]?.extensions).toMatchObject({
      code: 'NOT_FOUND',
      field: 'officeHoursId',
    });
    const stranger = await login(other.users.partner.email);
    const strangerReferral = await refer(stranger, 'Ailleurs');
    expect(codeOf(await stranger.request(BOOK, book(grenobleHours, slot(9), strangerReferral)))).toBe('NOT_FOUND');
    // The referral of another partner of the same PLIE: not its own.
    const aci = await login(tenant.users.aci.email);
    const aciReferral = await refer(aci, 'Chantier');
    expect((await commune.request(BOOK, book(grenobleHours, slot(9), aciReferral))).errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'referralId',
    });
    // Guessed ids: another kind of object, or none at all.
    expect(codeOf(await commune.request(BOOK, book(ownReferral, slot(9), ownReferral)))).toBe('NOT_FOUND');
    expect(codeOf(await commune.request(BOOK, book(grenobleHours, slot(9), grenobleHours)))).toBe('BAD_USER_INPUT');
    const written = await server.asOwner((em) =>
      em.execute<Array<{ n: number }>>(`select count(*)::int as n from appointment where office_hours_id is not null and tenant_id = ?`, [tenant.tenantId]),
    );
    expect(written[0]!.n).toBe(0);
  });

  it("refuses a booking without the person's agreement, writing nothing", async () => {
    const refused = await commune.request(BOOK, book(grenobleHours, slot(10), ownReferral, false));
    expect(refused.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect((refused.errors?.[0]?.extensions?.fields as Array<{ field: string }>).map((f) => f.field).sort()).toEqual(['agreedOn', 'agreementMethod']);
    const written = await server.asOwner((em) =>
      em.execute<Array<{ n: number }>>(`select count(*)::int as n from appointment where referral_id = ?`, [parseGlobalId(ownReferral)!.id]),
    );
    expect(written[0]!.n).toBe(0);
  });

  it('lets the commune read back its bookings, and nothing else of the agenda', async () => {
    const booked = await commune.data(BOOK, book(grenobleHours, slot(11), ownReferral));
    const { officeHoursBookings } = await commune.data(`{ officeHoursBookings { id title } }`);
    expect(officeHoursBookings).toEqual([booked.bookOfficeHoursSlot]);
    // The referent's own appointments stay hers: the commune reads no agenda.
    expect(
      codeOf(await commune.request(`query($from: DateTime!, $to: DateTime!) { agenda(from: $from, to: $to) { id } }`, { from: slot(0), to: slot(23) })),
    ).toBe('FORBIDDEN');
    const stranger = await login(other.users.partner.email);
    expect((await stranger.data(`{ officeHoursBookings { id } }`)).officeHoursBookings).toEqual([]);
  });

  it('refuses every other partner the office hours, bookings, figures and calendar; and a commune every staff write', async () => {
    for (const email of [tenant.users.aci.email, tenant.users.trainer.email]) {
      const partner = await login(email);
      for (const query of [
        `{ officeHours { id } }`,
        `{ officeHoursBookings { id } }`,
        `{ officeHoursFigures { booked } }`,
        `{ officeHoursCalendarLink { createdAt } }`,
        `mutation { createOfficeHoursCalendarLink { url } }`,
      ])
        expect(codeOf(await partner.request(query)), `${email}: ${query}`).toBe('FORBIDDEN');
      expect(codeOf(await partner.request(BOOK, book(grenobleHours, slot(9), ownReferral))), email).toBe('FORBIDDEN');
    }
    for (const mutation of [
      `mutation { assignOfficeHoursReferent(input: { referentId: "${tenant.users.referent.membershipId}", communeCode: "38185" }) { id } }`,
      `mutation { closeOfficeHoursDay(input: { officeHoursId: "${grenobleHours}", day: "${DAY}", reason: HOLIDAY }) { id } }`,
      `mutation { recordOfficeHoursAttendance(appointmentId: "${grenobleHours}", attendance: ABSENT) { id } }`,
      `{ officeHoursAssignments { id } }`,
    ])
      expect(codeOf(await commune.request(mutation)), mutation).toBe('FORBIDDEN');
    // Another PLIE's referent does not reach these office hours by their id.
    const foreignReferent = await login(other.users.referent.email);
    expect(
      codeOf(
        await foreignReferent.request(`mutation { closeOfficeHoursDay(input: { officeHoursId: "${grenobleHours}", day: "${DAY}", reason: HOLIDAY }) { id } }`),
      ),
    ).toBe('NOT_FOUND');
  });

  it('gives nothing through a revoked calendar link, nor through a guessed one', async () => {
    const { createOfficeHoursCalendarLink } = await commune.data(`mutation { createOfficeHoursCalendarLink { url } }`);
    const path = new URL(createOfficeHoursCalendarLink.url).pathname;
    const first = await server.app.inject({ method: 'GET', url: path });
    expect(first.statusCode).toBe(200);
    expect(first.body).toContain('Mairie 38185');
    expect(first.body).not.toContain('Mairie 38151');
    // A new link replaces the old one at once.
    const { createOfficeHoursCalendarLink: renewed } = await commune.data(`mutation { createOfficeHoursCalendarLink { url } }`);
    expect((await server.app.inject({ method: 'GET', url: path })).statusCode).toBe(404);
    await commune.data(`mutation { revokeOfficeHoursCalendarLink }`);
    const revoked = await server.app.inject({ method: 'GET', url: new URL(renewed.url).pathname });
    expect(revoked.statusCode).toBe(404);
    expect(revoked.body).not.toContain('Mairie');
    expect((await server.app.inject({ method: 'GET', url: `/office-hours/${'A'.repeat(43)}.ics` })).statusCode).toBe(404);
  });
});
