import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { todayInFrance } from '../../graphql/date-input';
import { createTenantFixture, FIXTURE_PASSWORD, type TenantFixture } from '../../testing/fixtures';
import { GraphqlClient } from '../../testing/graphql-client';
import { startTestServer, type TestServer } from '../../testing/test-server';

let server: TestServer;
let tenant: TenantFixture;
let other: TenantFixture;
let commune: GraphqlClient;
let animation: GraphqlClient;

const FIGURES = `query($code: String) { communeFigures(communeCode: $code) {
  communeCode communeName smallestPublished byStatus { status people } byYear { year entries positiveExits } priorityDistrictResidents
} }`;

/** Files created by the referent, `active` of them entered into the pathway today. */
async function residents(fixture: TenantFixture, count: number, options: { active: number; communeCode: string; inDistrict?: number }) {
  const referent = new GraphqlClient(server.app);
  await referent.login(fixture.users.referent.email, FIXTURE_PASSWORD);
  for (let i = 0; i < count; i++) {
    const { createParticipant } = await referent.data(
      `mutation($details: ParticipantDetailsInput!) { createParticipant(input: { details: $details, confirmNotDuplicate: true }) { currentPathway { id version } } }`,
      {
        details: {
          firstName: `Résident${i}`,
          lastName: `Figures${fixture.name.length}${i}`,
          birthDate: '1985-01-01',
          communeCode: options.communeCode,
          priorityDistrictCode: i < (options.inDistrict ?? 0) ? 'QN03899Z' : null,
        },
      },
    );
    if (i < options.active) {
      await referent.data(`mutation($input: ChangePathwayStatusInput!) { changePathwayStatus(input: $input) { id } }`, {
        input: {
          pathwayId: createParticipant.currentPathway.id,
          version: createParticipant.currentPathway.version,
          status: 'ACTIVE',
          date: todayInFrance(new Date()),
        },
      });
    }
  }
}

beforeAll(async () => {
  server = await startTestServer();
  tenant = await createTenantFixture(server, 'Figures');
  other = await createTenantFixture(server, 'Autre');
  animation = new GraphqlClient(server.app);
  await animation.login(tenant.users.animation.email, FIXTURE_PASSWORD);
  await animation.data(`mutation { savePriorityDistrict(input: { code: "QN03899Z", name: "Quartier test", communeCodes: ["38185"] }) { code } }`);
  commune = new GraphqlClient(server.app);
  await commune.login(tenant.users.partner.email, FIXTURE_PASSWORD);
  // The commune (Grenoble, 38185): 7 residents, 6 entered this year, 2 of them in a priority district. Nobody consented to anything.
  await residents(tenant, 7, { active: 6, communeCode: '38185', inDistrict: 2 });
  // Elsewhere: another commune of the PLIE, and Grenoble's residents followed by another PLIE.
  await residents(tenant, 5, { active: 5, communeCode: '38151' });
  await residents(other, 5, { active: 5, communeCode: '38185' });
});
afterAll(() => server.close());

describe("a commune's figures", () => {
  it('counts its residents in SQL, whatever they consented, and withholds any count under 5', async () => {
    const { communeFigures } = await commune.data(FIGURES);
    const year = Number(todayInFrance(new Date()).slice(0, 4));
    expect(communeFigures).toMatchObject({ communeCode: '38185', communeName: 'Grenoble', smallestPublished: 5 });
    const byStatus = Object.fromEntries(communeFigures.byStatus.map((f: any) => [f.status, f.people]));
    // 6 active are shown; the single person awaiting accreditation is withheld; nobody is 0, not withheld.
    expect(byStatus).toMatchObject({ ACTIVE: 6, PENDING_ACCREDITATION: null, EXITED: 0, CLOSED: 0 });
    expect(communeFigures.byYear).toEqual([{ year, entries: 6, positiveExits: 0 }]);
    // Two residents of a priority district: too few to publish.
    expect(communeFigures.priorityDistrictResidents).toBeNull();
  });

  it('gives a commune its own figures only; staff name the commune; other partners have none', async () => {
    expect((await commune.request(FIGURES, { code: '38151' })).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const staff = await animation.data(FIGURES, { code: '38151' });
    expect(staff.communeFigures.byStatus.find((f: any) => f.status === 'ACTIVE').people).toBe(5);
    expect((await animation.request(FIGURES, {})).errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'communeCode' });
    const aci = new GraphqlClient(server.app);
    await aci.login(tenant.users.aci.email, FIXTURE_PASSWORD);
    expect((await aci.request(FIGURES)).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });
});
