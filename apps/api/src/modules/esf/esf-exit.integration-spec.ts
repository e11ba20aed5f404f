import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, addMonths } from '@jalon/domain';
import { todayInFrance } from '../../graphql/date-input';
import { createTenantFixture, FIXTURE_PASSWORD, type TenantFixture } from '../../testing/fixtures';
import { GraphqlClient } from '../../testing/graphql-client';
import { startTestServer, type TestServer } from '../../testing/test-server';

let server: TestServer;
let tenant: TenantFixture;
let referent: GraphqlClient;
const today = todayInFrance(new Date());

const FILE = `query($id: ID!) { participant(id: $id) { alerts currentPathway { id version esfVersion exitDate exitJobSearching exitInTraining exitQualification exitEmployed exitAnsweredOn sixMonthEmployed sixMonthBetterSituation sixMonthAnsweredOn } } }`;
const EXIT = `mutation($input: RecordEsfExitInput!) { recordEsfExit(input: $input) { id } }`;
const SIX = `mutation($input: RecordEsfSixMonthsInput!) { recordEsfSixMonths(input: $input) { id } }`;
const answers = { jobSearching: 'YES', inTraining: 'NO', qualification: 'REFUSED', employed: 'NO' };

/** A file that entered a year ago and left on `exitDate` (an abandonment: no in-job follow-up). */
async function leftOn(name: string, exitDate: string | null): Promise<string> {
  const { createParticipant } = await referent.data(
    `mutation($details: ParticipantDetailsInput!, $on: String) { createParticipant(input: { details: $details, referralDate: $on }) { id currentPathway { id version } } }`,
    { details: { firstName: 'Sortie', lastName: name, birthDate: '1985-01-01' }, on: addMonths(today, -13) },
  );
  let pathway = createParticipant.currentPathway;
  const move = async (status: string, date: string, extra: object = {}) => {
    const { changePathwayStatus } = await referent.data(
      `mutation($input: ChangePathwayStatusInput!) { changePathwayStatus(input: $input) { currentPathway { id version } } }`,
      { input: { pathwayId: pathway.id, version: pathway.version, status, date, ...extra } },
    );
    pathway = changePathwayStatus.currentPathway;
  };
  await move('ACTIVE', addMonths(today, -12));
  if (exitDate) await move('EXITED', exitDate, { exitKind: 'ABANDONMENT' });
  return createParticipant.id;
}

const file = async (id: string) => (await referent.data(FILE, { id })).participant;

beforeAll(async () => {
  server = await startTestServer();
  tenant = await createTenantFixture(server, 'SORTIE');
  referent = new GraphqlClient(server.app);
  await referent.login(tenant.users.referent.email, FIXTURE_PASSWORD);
});
afterAll(() => server.close());

describe('the ESF+ exit questionnaire', () => {
  it('is asked for after four weeks, and the alert goes once it is recorded', async () => {
    const recent = await leftOn('Récente', addDays(today, -20));
    const late = await leftOn('Tardive', addDays(today, -40));
    expect((await file(recent)).alerts).not.toContain('ESF_EXIT_MISSING');
    expect((await file(late)).alerts).toContain('ESF_EXIT_MISSING');
    const listed = await referent.data(`{ participants(filter: { mine: true, alert: ESF_EXIT_MISSING }) { edges { node { id } } } }`);
    expect(listed.participants.edges.map((e: { node: { id: string } }) => e.node.id)).toEqual([late]);

    const before = await file(late);
    await referent.data(EXIT, { input: { pathwayId: before.currentPathway.id, version: before.currentPathway.esfVersion, answeredOn: today, ...answers } });
    const after = await file(late);
    expect(after.alerts).not.toContain('ESF_EXIT_MISSING');
    expect(after.currentPathway).toMatchObject({ exitJobSearching: 'YES', exitQualification: 'REFUSED', exitEmployed: 'NO', exitAnsweredOn: today });
    // The same edit again from the version read before it: refused, nothing overwritten unseen.
    const stale = await referent.request(EXIT, {
      input: { pathwayId: before.currentPathway.id, version: before.currentPathway.esfVersion, answeredOn: today, ...answers },
    });
    expect(stale.errors?.[0]?.extensions?.code).toBe('CONFLICT');
  });

  it('names every wrong field at once and writes nothing: no exit yet, a day before the exit or in the future', async () => {
    const open = await file(await leftOn('Ouverte', null));
    const notExited = await referent.request(EXIT, { input: { pathwayId: open.currentPathway.id, version: 0, answeredOn: addDays(today, 3), ...answers } });
    expect((notExited.errors?.[0]?.extensions?.fields as Array<{ field: string }>).map((f) => f.field)).toEqual(['pathwayId', 'answeredOn']);

    const id = await leftOn('Avant', addDays(today, -10));
    const left = await file(id);
    const early = await referent.request(EXIT, {
      input: { pathwayId: left.currentPathway.id, version: left.currentPathway.esfVersion, answeredOn: addDays(today, -11), ...answers },
    });
    expect(early.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'answeredOn' });
    expect((await file(id)).currentPathway).toMatchObject({ exitAnsweredOn: null, exitJobSearching: null });
  });

  it('takes the six-month result from six months after the exit on', async () => {
    const exitDate = addMonths(today, -7);
    const id = await leftOn('Six mois', exitDate);
    const left = await file(id);
    const input = { pathwayId: left.currentPathway.id, version: left.currentPathway.esfVersion, employed: 'YES', betterSituation: 'YES' };
    const tooSoon = await referent.request(SIX, { input: { ...input, answeredOn: addMonths(exitDate, 5) } });
    expect(tooSoon.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'answeredOn' });
    await referent.data(SIX, { input: { ...input, answeredOn: addMonths(exitDate, 6) } });
    expect((await file(id)).currentPathway).toMatchObject({
      sixMonthEmployed: 'YES',
      sixMonthBetterSituation: 'YES',
      sixMonthAnsweredOn: addMonths(exitDate, 6),
    });
  });
});
