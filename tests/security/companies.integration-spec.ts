import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTenantFixture, type TenantFixture, loggedIn } from '@jalon/api/src/testing/fixtures';
import { startTestServer, type TestServer } from '@jalon/api/src/testing/test-server';

/**
 * The companies the PLIE follows are its business relations: no partner reads or writes them,
 * not even the integration company that is one of them, however it asks (aliases, fragments,
 * guessed ids); another PLIE reaches none of them. (Row by row in SQL: rls-by-table, company*.)
 */
let server: TestServer;
let tenant: TenantFixture;
let other: TenantFixture;
let companyId: string;

const login = (email: string) => loggedIn(server, email);
const codeOf = (response: { errors?: Array<{ extensions?: Record<string, unknown> }> }) => response.errors?.[0]?.extensions?.code;

beforeAll(async () => {
  server = await startTestServer();
  tenant = await createTenantFixture(server, 'Entreprises sécurité');
  other = await createTenantFixture(server, 'Entreprises ailleurs');
  const referent = await login(tenant.users.referent.email);
  companyId = (
    await referent.data(`mutation($input: CreateCompanyInput!) { createCompany(input: $input) { id } }`, {
      input: { siret: '77889900112230', name: 'Blanchisserie du Drac', kind: 'CLASSIC', contacts: [{ name: 'Paul Roux', phone: '0476000000' }] },
    })
  ).createCompany.id;
  await referent.data(`mutation($input: RecordCompanyEventInput!) { recordCompanyEvent(input: $input) { id } }`, {
    input: { companyId, kind: 'VISIT', happenedOn: '2026-02-02', summary: 'Visite', outcome: 'Un poste' },
  });
});
afterAll(() => server.close());

describe('companies and partners', () => {
  it('refuses every partner the directory, a company, its history and the staff in charge, by name, alias or fragment', async () => {
    for (const email of [tenant.users.partner.email, tenant.users.aci.email, tenant.users.trainer.email]) {
      const partner = await login(email);
      expect(codeOf(await partner.request(`{ companies { totalCount } }`)), email).toBe('FORBIDDEN');
      expect(codeOf(await partner.request(`{ c: companies { edges { node { ...C } } } } fragment C on Company { contacts { phone } }`)), email).toBe(
        'FORBIDDEN',
      );
      expect(codeOf(await partner.request(`query($id: ID!) { company(id: $id) { name events { summary } } }`, { id: companyId })), email).toBe('FORBIDDEN');
      expect(codeOf(await partner.request(`{ companyOfficers { displayName } }`)), email).toBe('FORBIDDEN');
      expect((await partner.request(`query($id: ID!) { node(id: $id) { id } }`, { id: companyId })).data?.node ?? null, email).toBeNull();
    }
  });

  it('refuses every partner a write: a company, a change, a history entry', async () => {
    const aci = await login(tenant.users.aci.email);
    const create = await aci.request(`mutation($input: CreateCompanyInput!) { createCompany(input: $input) { id } }`, {
      input: { siret: '12345678900015', name: 'Copie', kind: 'CLASSIC', contacts: [] },
    });
    expect(codeOf(create)).toBe('FORBIDDEN');
    const event = await aci.request(`mutation($input: RecordCompanyEventInput!) { recordCompanyEvent(input: $input) { id } }`, {
      input: { companyId, kind: 'CALL', happenedOn: '2026-02-03', summary: 'Appel' },
    });
    expect(codeOf(event)).toBe('FORBIDDEN');
  });

  it('gives another PLIE nothing, even with the company id', async () => {
    const stranger = await login(other.users.referent.email);
    expect(codeOf(await stranger.request(`query($id: ID!) { company(id: $id) { name } }`, { id: companyId }))).toBe('NOT_FOUND');
    expect((await stranger.data(`{ companies { totalCount } }`)).companies.totalCount).toBe(0);
    const event = await stranger.request(`mutation($input: RecordCompanyEventInput!) { recordCompanyEvent(input: $input) { id } }`, {
      input: { companyId, kind: 'CALL', happenedOn: '2026-02-03', summary: 'Appel' },
    });
    expect(codeOf(event)).toBe('NOT_FOUND');
  });
});
