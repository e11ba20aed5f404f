import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTenantFixture, FIXTURE_PASSWORD, type TenantFixture } from '../../testing/fixtures';
import { GraphqlClient } from '../../testing/graphql-client';
import { startTestServer, type TestServer } from '../../testing/test-server';

const FICTITIOUS_ANCT_FILE = fs.readFileSync(path.resolve(__dirname, '../../../../../packages/reference-data/src/__fixtures__/qpv-fictitious.csv'), 'utf8');

let server: TestServer;
let tenant: TenantFixture;
let animation: GraphqlClient;
let referent: GraphqlClient;

beforeAll(async () => {
  server = await startTestServer();
  tenant = await createTenantFixture(server, 'QPV');
  animation = new GraphqlClient(server.app);
  await animation.login(tenant.users.animation.email, FIXTURE_PASSWORD);
  referent = new GraphqlClient(server.app);
  await referent.login(tenant.users.referent.email, FIXTURE_PASSWORD);
});
afterAll(() => server.close());

describe('priority districts (QPV)', () => {
  it('the animation team imports the ANCT file: valid lines in, the others reported by line', async () => {
    const result = await animation.data(`mutation($csv: String!) { importPriorityDistricts(csv: $csv) { imported rejected problems } }`, {
      csv: FICTITIOUS_ANCT_FILE,
    });
    expect(result.importPriorityDistricts.imported).toBeGreaterThanOrEqual(3);
    expect(result.importPriorityDistricts.rejected).toBeGreaterThanOrEqual(1);
    expect(result.importPriorityDistricts.problems.join('\n')).toMatch(/^5: /m);
    const inEchirolles = await referent.data(`{ priorityDistricts(communeCode: "38151") { code name communeCodes } }`);
    expect(inEchirolles.priorityDistricts).toEqual([{ code: 'QN03898I', name: 'Quartier Fictif du Canal, Est', communeCodes: ['38151', '38421'] }]);
    // Importing again updates rather than doubles.
    await animation.data(`mutation($csv: String!) { importPriorityDistricts(csv: $csv) { imported } }`, { csv: FICTITIOUS_ANCT_FILE });
    expect((await referent.data(`{ priorityDistricts { code } }`)).priorityDistricts).toHaveLength(result.importPriorityDistricts.imported);
  });

  it('refuses a file with nothing readable, and a referent may not change the list', async () => {
    const junk = await animation.request(`mutation { importPriorityDistricts(csv: "nom;prenom\\nDupont;Jean") { imported } }`);
    expect(junk.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'csv' });
    const notAllowed = await referent.request(`mutation { savePriorityDistrict(input: { code: "QN03897A", name: "X", communeCodes: ["38185"] }) { code } }`);
    expect(notAllowed.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });

  it('names every wrong field of a district typed by hand, and saves none of it', async () => {
    const refused = await animation.request(`mutation { savePriorityDistrict(input: { code: "QN-12", name: " ", communeCodes: [] }) { code } }`);
    expect(refused.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'code' });
    const fields = refused.errors?.[0]?.extensions?.fields as Array<{ field: string; message: string }>;
    expect(fields.map((f) => f.field)).toEqual(['code', 'name', 'communeCodes']);
    expect(fields.every((f) => f.message.length > 0)).toBe(true);
    expect((await referent.data(`{ priorityDistricts { code } }`)).priorityDistricts).not.toContainEqual({ code: 'QN-12' });
  });

  it("a participant's address may only name a district of the PLIE's list", async () => {
    await animation.data(
      `mutation { savePriorityDistrict(input: { code: "QN03896B", name: "Quartier fictif saisi à la main", communeCodes: ["38185"] }) { code } }`,
    );
    const CREATE = `mutation($code: String) { createParticipant(input: { details: { firstName: "Léa", lastName: "Qpv", birthDate: "1999-09-09", communeCode: "38185", priorityDistrictCode: $code } }) { priorityDistrictCode } }`;
    const unknown = await referent.request(CREATE, { code: 'QN03800A' });
    expect(unknown.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'priorityDistrictCode' });
    expect((await referent.data(CREATE, { code: 'qn03896b' })).createParticipant.priorityDistrictCode).toBe('QN03896B');
  });
});
