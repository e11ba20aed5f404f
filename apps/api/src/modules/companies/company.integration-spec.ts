import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTenantFixture, type TenantFixture, loggedIn } from '../../testing/fixtures';
import { GraphqlClient, nodesOf } from '../../testing/graphql-client';
import { startTestServer, type TestServer } from '../../testing/test-server';
import { dayInFrance } from '../../graphql/date-input';
import { toGlobalId } from '../../graphql/relay';

let server: TestServer;
let tenant: TenantFixture;
let referent: GraphqlClient;

const login = (email: string) => loggedIn(server, email);

beforeAll(async () => {
  server = await startTestServer();
  tenant = await createTenantFixture(server, 'Entreprises');
  referent = await login(tenant.users.referent.email);
});
afterAll(() => server.close());

const COMPANY_FIELDS = `id siret name kind nafCode activity address postcode communeCode communeName version
  partner { name } inCharge { displayName } contacts { name role phone email }`;
const CREATE = `mutation($input: CreateCompanyInput!) { createCompany(input: $input) { ${COMPANY_FIELDS} } }`;
const fieldsOf = (response: { errors?: Array<{ extensions?: Record<string, unknown> }> }) =>
  (response.errors?.[0]?.extensions?.fields as Array<{ field: string }> | undefined)?.map((f) => f.field);
const details = (extra: Record<string, unknown> = {}) => ({
  siret: '443 322 110 00018',
  name: 'Propreté Alpes Services',
  kind: 'CLASSIC',
  nafCode: '8121z',
  address: '12 rue des Artisans',
  postcode: '38130',
  communeCode: '38151',
  contacts: [{ name: 'Hélène Morel', role: 'Responsable RH', phone: '04 76 00 00 00', email: 'H.Morel@propete-alpes.example' }],
  ...extra,
});

describe('companies', () => {
  it('records a company with its sector in words, its commune and its contacts, and finds it by name or SIRET', async () => {
    const officers = (await referent.data(`{ companyOfficers { id displayName } }`)).companyOfficers as Array<{ id: string; displayName: string }>;
    const me = officers.find((o) => o.id === toGlobalId('Membership', tenant.users.referent.membershipId))!;
    const { createCompany } = await referent.data(CREATE, { input: { ...details(), inChargeId: me.id } });
    expect(createCompany).toMatchObject({
      siret: '44332211000018',
      nafCode: '81.21Z',
      activity: 'Nettoyage courant des bâtiments',
      communeName: 'Échirolles',
      partner: null,
      inCharge: { displayName: me.displayName },
      contacts: [{ name: 'Hélène Morel', role: 'Responsable RH', phone: '04 76 00 00 00', email: 'h.morel@propete-alpes.example' }],
    });
    const LIST = `query($filter: CompanyFilter) { companies(filter: $filter) { totalCount edges { node { name } } } }`;
    expect(nodesOf((await referent.data(LIST, { filter: { search: 'alpes' } })).companies).map((c: { name: string }) => c.name)).toEqual([
      'Propreté Alpes Services',
    ]);
    expect((await referent.data(LIST, { filter: { search: '443 322' } })).companies.totalCount).toBe(1);
    expect((await referent.data(LIST, { filter: { kind: 'TEMPING_AGENCY' } })).companies.totalCount).toBe(0);
    // The same SIRET twice is one company.
    const twice = await referent.request(CREATE, { input: details({ name: 'Autre nom' }) });
    expect(twice.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'siret' });
  });

  it('names every problem at once: a SIRET with a slip, an unknown NAF code, a postcode of another commune, a contact without name', async () => {
    const bad = await referent.request(CREATE, {
      input: details({ siret: '44332211000019', nafCode: '99.99Z', postcode: '38000', contacts: [{ name: ' ', email: 'pas-un-email' }] }),
    });
    expect(bad.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(fieldsOf(bad)).toEqual(['siret', 'nafCode', 'postcode', 'contacts.0.name', 'contacts.0.email']);
    expect((await referent.data(`{ companies(filter: { search: "44332211000019" }) { totalCount } }`)).companies.totalCount).toBe(0);
  });

  it('is the partner organisation, not a copy, when the SIRET is one of the PLIE’s partners', async () => {
    const admin = await login(tenant.users.admin.email);
    const aci = (await admin.data(`query($id: ID!) { organisation(id: $id) { version } }`, { id: tenant.organisations.siae.globalId })).organisation;
    await admin.data(`mutation($input: UpdateOrganisationInput!) { updateOrganisation(input: $input) { siret } }`, {
      input: {
        id: tenant.organisations.siae.globalId,
        version: aci.version,
        active: true,
        name: tenant.organisations.siae.name,
        siaeKind: 'ACI',
        siret: '55667788000016',
      },
    });
    const { createCompany } = await referent.data(CREATE, {
      input: details({ siret: '55667788000016', name: 'Jardins de la Bastille', kind: 'INTEGRATION', contacts: [] }),
    });
    expect(createCompany.partner).toEqual({ name: tenant.organisations.siae.name });

    // A company recorded first becomes the partner once the organisation's SIRET is entered, and stops being it when the SIRET changes.
    const { createCompany: school } = await referent.data(CREATE, { input: details({ siret: '12345678900015', name: 'Centre de formation', contacts: [] }) });
    expect(school.partner).toBeNull();
    const training = tenant.organisations.training;
    const setSiret = async (siret: string | null) => {
      const { organisation } = await admin.data(`query($id: ID!) { organisation(id: $id) { version } }`, { id: training.globalId });
      await admin.data(`mutation($input: UpdateOrganisationInput!) { updateOrganisation(input: $input) { siret } }`, {
        input: { id: training.globalId, version: organisation.version, active: true, name: training.name, siret },
      });
      return (await referent.data(`query($id: ID!) { company(id: $id) { partner { name } } }`, { id: school.id })).company.partner;
    };
    expect(await setSiret('123 456 789 00015')).toEqual({ name: training.name });
    expect(await setSiret(null)).toBeNull();
  });

  it('keeps its history: a visit with its outcome, latest first; no day to come, and a stale edit is a conflict', async () => {
    const { createCompany: company } = await referent.data(CREATE, {
      input: details({ siret: '66778899000014', name: 'Logistique du Drac', nafCode: '52.10B', contacts: [] }),
    });
    const RECORD = `mutation($input: RecordCompanyEventInput!) { recordCompanyEvent(input: $input) { kind happenedOn summary outcome authorName } }`;
    const today = dayInFrance(new Date());
    await referent.data(RECORD, { input: { companyId: company.id, kind: 'CALL', happenedOn: '2026-01-05', summary: 'Premier appel' } });
    const visit = await referent.data(RECORD, {
      input: { companyId: company.id, kind: 'VISIT', happenedOn: today, summary: 'Visite de l’entrepôt', outcome: 'Deux postes de préparateur à pourvoir' },
    });
    expect(visit.recordCompanyEvent).toMatchObject({ kind: 'VISIT', authorName: expect.stringMatching(/^referent /) });
    const future = await referent.request(RECORD, { input: { companyId: company.id, kind: 'VISIT', happenedOn: '2999-01-01', summary: '' } });
    expect(fieldsOf(future)).toEqual(['happenedOn', 'summary']);
    const { company: read } = await referent.data(`query($id: ID!) { company(id: $id) { events { kind summary } } }`, { id: company.id });
    expect(read.events.map((e: { kind: string }) => e.kind)).toEqual(['VISIT', 'CALL']);

    const UPDATE = `mutation($input: UpdateCompanyInput!) { updateCompany(input: $input) { version kind } }`;
    const base = { ...details({ siret: '66778899000014', name: 'Logistique du Drac', contacts: [] }), id: company.id };
    expect((await referent.data(UPDATE, { input: { ...base, version: company.version, kind: 'TEMPING_AGENCY' } })).updateCompany.kind).toBe('TEMPING_AGENCY');
    expect((await referent.request(UPDATE, { input: { ...base, version: company.version } })).errors?.[0]?.extensions).toEqual({ code: 'CONFLICT' });
  });
});
