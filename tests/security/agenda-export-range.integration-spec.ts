import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTenantFixture, loggedIn, type TenantFixture } from '@jalon/api/src/testing/fixtures';
import type { GraphqlClient } from '@jalon/api/src/testing/graphql-client';
import { todayInFrance } from '@jalon/api/src/graphql/date-input';
import { startTestServer, type TestServer } from '@jalon/api/src/testing/test-server';

/**
 * Hostile review: the agenda export (/agenda.ics) now expands the referent's office hours into one
 * event a day they are held, over whatever range the query string names. A referent asking from
 * 1900 to 9999 made the API build hundreds of thousands of events in one request, holding the
 * process. An absurd range is refused as bad input, at once, and a year's export still works.
 */
let server: TestServer;
let tenant: TenantFixture;
let referent: GraphqlClient;

beforeAll(async () => {
  server = await startTestServer();
  tenant = await createTenantFixture(server, 'Export agenda');
  const animation = await loggedIn(server, tenant.users.animation.email);
  referent = await loggedIn(server, tenant.users.referent.email);
  const { referents } = await animation.data(`{ referents { id } }`);
  const { assignOfficeHoursReferent } = await animation.data(`mutation($input: AssignReferentInput!) { assignOfficeHoursReferent(input: $input) { id } }`, {
    input: { referentId: referents[0].id, communeCode: '38185' },
  });
  // Held every weekday with no end date: each day of the range is a session.
  for (const weekday of [1, 2, 3, 4, 5])
    await referent.data(`mutation($input: PublishOfficeHoursInput!) { publishOfficeHours(input: $input) { id } }`, {
      input: {
        assignmentId: assignOfficeHoursReferent.id,
        weekday,
        startMinute: weekday < 3 ? 9 * 60 : 14 * 60,
        endMinute: weekday < 3 ? 12 * 60 : 17 * 60,
        slotMinutes: 30,
        address: 'CCAS, 3 rue Jean-Jaurès',
        validFrom: todayInFrance(new Date()),
      },
    });
});

afterAll(() => server?.close());

const exportOf = (query: string) => server.app.inject({ method: 'GET', url: `/agenda.ics?${query}`, headers: { cookie: referent.cookie! } });

describe('the agenda export', () => {
  it('refuses a range of centuries as bad input, at once, never a 500', async () => {
    for (const range of ['from=1900-01-01T00:00:00Z&to=2999-12-31T00:00:00Z', 'from=2026-01-01T00:00:00Z&to=9999-12-31T00:00:00Z']) {
      const started = Date.now();
      const response = await exportOf(range);
      expect(Date.now() - started, range).toBeLessThan(2_000);
      expect(response.statusCode, range).toBe(400);
      expect(JSON.parse(response.body), range).toMatchObject({ code: 'BAD_USER_INPUT' });
    }
  });

  it('still gives a year of the agenda, office hours included', async () => {
    const from = new Date();
    const to = new Date(from.getTime() + 365 * 86_400_000);
    const response = await exportOf(`from=${from.toISOString()}&to=${to.toISOString()}`);
    expect(response.statusCode).toBe(200);
    expect(response.body.match(/BEGIN:VEVENT/g)?.length).toBeGreaterThan(200);
  });
});
