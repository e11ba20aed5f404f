import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAciEmployee, createTenantFixture, FIXTURE_PASSWORD, type TenantFixture } from '@jalon/api/src/testing/fixtures';
import { GraphqlClient } from '@jalon/api/src/testing/graphql-client';
import { startTestServer, type TestServer } from '@jalon/api/src/testing/test-server';

/**
 * The partner home's counts of last month's reports (contractMonthCount) are counted in SQL apart
 * from the list they count: they must count exactly the list's rows, for every query shape, and
 * nothing of another PLIE or of a person who shares less.
 */
const NOW = new Date('2026-11-27T10:00:00Z');
const COUNT = `query($period: String!) { contractMonthCount(period: $period) { totalCount dueCount } }`;
const LIST = `query($period: String!) { contractMonth(period: $period) { contract { lastName } } }`;

let server: TestServer;
let plie: TenantFixture;
let other: TenantFixture;
let aci: GraphqlClient;
let otherAci: GraphqlClient;

const client = async (email: string) => {
  const c = new GraphqlClient(server.app);
  await c.login(email, FIXTURE_PASSWORD);
  return c;
};

/** An employee of the tenant's integration company (CDDI, September 2026 to February 2027), with these consents about it. */
async function employee(tenant: TenantFixture, lastName: string, consents: Array<Record<string, unknown>>) {
  const referent = await client(tenant.users.referent.email);
  const hired = await createAciEmployee(referent, tenant, lastName);
  for (const consent of consents)
    await referent.data(`mutation($input: GrantConsentInput!) { grantConsent(input: $input) { id } }`, {
      input: {
        participantId: hired.participantId,
        granteeOrganisationId: tenant.organisations.siae.globalId,
        stageIds: [hired.stageId],
        purpose: 'CONTRACT_REPORTING',
        method: 'SIGNED_FORM',
        collectedOn: '2026-09-01',
        noticeVersion: 'notice-2026-01',
        ...consent,
      },
    });
}

beforeAll(async () => {
  server = await startTestServer({}, { clock: () => NOW });
  plie = await createTenantFixture(server, 'Comptes');
  other = await createTenantFixture(server, 'Comptes ailleurs');
  const reports = { dataClasses: ['CONTRACT_REPORTS'] };
  await employee(plie, 'Partage', [{ dataClasses: ['STAGE_LIST', 'STAGE_DETAILS', 'CONTRACT_REPORTS'] }]);
  await employee(plie, 'Rapports', [reports]); // the operator rule: its reports show it the stage
  // Reports shared, but the stage's details refused to integration companies: the refusal wins, out of the list.
  await employee(plie, 'Refus', [
    reports,
    { effect: 'REFUSAL', granteeOrganisationId: null, granteeKind: 'INTEGRATION_COMPANY', dataClasses: ['STAGE_DETAILS'], stageIds: null },
  ]);
  await employee(plie, 'Rien', []);
  await employee(other, 'Ailleurs', [reports]);
  aci = await client(plie.users.aci.email);
  otherAci = await client(other.users.aci.email);
}, 120_000);
afterAll(() => server.close());

describe("the partner home's report counts under attack", () => {
  it('count exactly the rows of the list, in this PLIE only', async () => {
    const list = (await aci.data(LIST, { period: '2026-10' })).contractMonth;
    expect(list.map((row: any) => row.contract.lastName).sort()).toEqual(['Partage', 'Rapports']);
    expect((await aci.data(COUNT, { period: '2026-10' })).contractMonthCount).toEqual({ totalCount: 2, dueCount: 2 });
    expect((await otherAci.data(COUNT, { period: '2026-10' })).contractMonthCount).toEqual({ totalCount: 1, dueCount: 1 });
    // A month outside every contract, and a month to come, give nothing away.
    expect((await aci.data(COUNT, { period: '2026-08' })).contractMonthCount).toEqual({ totalCount: 0, dueCount: 0 });
    expect((await aci.request(COUNT, { period: '2027-01' })).errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'period' });
  });

  it('answer the same through aliases and fragments', async () => {
    const shaped = await aci.data(
      `query { a: contractMonthCount(period: "2026-10") { ...C } b: contractMonthCount(period: "2026-09") { totalCount } }
       fragment C on MonthCount { totalCount dueCount }`,
    );
    expect(shaped).toEqual({ a: { totalCount: 2, dueCount: 2 }, b: { totalCount: 2 } });
  });

  it('refuse those who do not file reports: a commune, a training operator for contracts, the staff', async () => {
    for (const email of [plie.users.partner.email, plie.users.referent.email, plie.users.animation.email]) {
      expect((await (await client(email)).request(COUNT, { period: '2026-10' })).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    }
    const trainer = await client(plie.users.trainer.email);
    expect((await trainer.data(`{ trainingMonthCount(period: "2026-10") { totalCount } }`)).trainingMonthCount).toEqual({ totalCount: 0 });
  });
});
