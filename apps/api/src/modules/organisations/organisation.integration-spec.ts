import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Organisation } from './organisation.entity';
import { createTenantFixture, FIXTURE_PASSWORD, type TenantFixture } from '../../testing/fixtures';
import { GraphqlClient } from '../../testing/graphql-client';
import { startTestServer, type TestServer } from '../../testing/test-server';

let server: TestServer;
let tenant: TenantFixture;
let admin: GraphqlClient;

beforeAll(async () => {
  server = await startTestServer();
  tenant = await createTenantFixture(server, 'Organisations');
  admin = new GraphqlClient(server.app);
  await admin.login(tenant.users.admin.email, FIXTURE_PASSWORD);
});
afterAll(() => server.close());

const CREATE = `mutation($input: CreateOrganisationInput!) { createOrganisation(input: $input) { id name kind siaeKind inseeCode siret version active } }`;
const UPDATE = `mutation($input: UpdateOrganisationInput!) { updateOrganisation(input: $input) { id name version active } }`;

describe('organisations', () => {
  it('creates each kind with its own details', async () => {
    const commune = await admin.data(CREATE, { input: { name: '  Ville d’Échirolles ', kind: 'COMMUNE', inseeCode: '38151' } });
    expect(commune.createOrganisation).toMatchObject({
      name: 'Ville d’Échirolles',
      kind: 'COMMUNE',
      inseeCode: '38151',
      siaeKind: null,
      version: 1,
      active: true,
    });
    const ei = await admin.data(CREATE, { input: { name: 'Recyclerie du Drac', kind: 'INTEGRATION_COMPANY', siaeKind: 'EI', siret: '123 456 789 00012' } });
    expect(ei.createOrganisation).toMatchObject({ kind: 'INTEGRATION_COMPANY', siaeKind: 'EI', siret: '12345678900012' });
  });

  it('refuses inconsistent details field by field, and writes nothing', async () => {
    const cases: Array<[Record<string, unknown>, string]> = [
      [{ name: '', kind: 'COMMUNE' }, 'name'],
      [{ name: 'Sans type', kind: 'INTEGRATION_COMPANY' }, 'siaeKind'],
      [{ name: 'Commune SIAE', kind: 'COMMUNE', siaeKind: 'ACI' }, 'siaeKind'],
      [{ name: 'Formation INSEE', kind: 'TRAINING_OPERATOR', inseeCode: '38185' }, 'inseeCode'],
      [{ name: 'Mauvais INSEE', kind: 'COMMUNE', inseeCode: '3818' }, 'inseeCode'],
      [{ name: 'Mauvais SIRET', kind: 'OTHER_PARTNER', siret: '1234' }, 'siret'],
      [{ name: tenant.organisations.commune.name, kind: 'COMMUNE' }, 'name'],
    ];
    for (const [input, field] of cases) {
      const response = await admin.request(CREATE, { input });
      expect({ input, extensions: response.errors?.[0]?.extensions }).toEqual({
        input,
        extensions: { code: 'BAD_USER_INPUT', field, fields: [{ field, message: expect.any(String) }] },
      });
      expect(response.errors?.[0]?.message.length).toBeGreaterThan(10);
    }
    const names = await server.asOwner((em) => em.find(Organisation, { tenant: tenant.tenantId }, { filters: false }));
    expect(names.map((o) => o.name)).not.toContain('Sans type');
    expect(names.filter((o) => o.name === tenant.organisations.commune.name)).toHaveLength(1);
  });

  it('a retried creation with the same idempotency key creates once and answers the same', async () => {
    const input = { name: 'CCAS de Pont-de-Claix', kind: 'COMMUNE', inseeCode: '38317', idempotencyKey: 'create-ccas-pont-de-claix-1' };
    const first = await admin.data(CREATE, { input });
    const retry = await admin.data(CREATE, { input });
    expect(retry.createOrganisation.id).toBe(first.createOrganisation.id);
    const found = await admin.data(`{ organisations(filter: { search: "Pont-de-Claix" }) { totalCount } }`);
    expect(found.organisations.totalCount).toBe(1);
    const badKey = await admin.request(CREATE, { input: { ...input, idempotencyKey: 'x' } });
    expect(badKey.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'idempotencyKey' });
  });

  it('two people editing the same organisation: the second save gets CONFLICT and loses nothing', async () => {
    const other = new GraphqlClient(server.app);
    await other.login(tenant.users.admin.email, FIXTURE_PASSWORD);
    const { organisation } = await admin.data(`query($id: ID!) { organisation(id: $id) { id version } }`, { id: tenant.organisations.siae.globalId });

    const first = await admin.data(UPDATE, {
      input: { id: organisation.id, version: organisation.version, name: 'Jardins Solidaires', siaeKind: 'ACI', active: true },
    });
    expect(first.updateOrganisation).toMatchObject({ name: 'Jardins Solidaires', version: organisation.version + 1 });
    const second = await other.request(UPDATE, {
      input: { id: organisation.id, version: organisation.version, name: 'Jardins du Drac', siaeKind: 'ACI', active: true },
    });
    expect(second.errors?.[0]?.extensions).toEqual({ code: 'CONFLICT' });
    expect(second.errors?.[0]?.message).toMatch(/Quelqu'un d'autre a modifié/);
    const now = await admin.data(`query($id: ID!) { organisation(id: $id) { name version } }`, { id: organisation.id });
    expect(now.organisation).toEqual({ name: 'Jardins Solidaires', version: organisation.version + 1 });
  });

  it('pages through every organisation with cursors, in name order, without repeats', async () => {
    for (const n of [1, 2, 3, 4, 5]) await admin.data(CREATE, { input: { name: `Organisme de formation ${n}`, kind: 'TRAINING_OPERATOR' } });
    const seen: string[] = [];
    let after: string | null = null;
    let total = 0;
    do {
      const page: any = await admin.data(
        `query($after: String) { organisations(page: { first: 3, after: $after }) { totalCount edges { node { name } } pageInfo { hasNextPage endCursor } } }`,
        { after },
      );
      total = page.organisations.totalCount;
      seen.push(...page.organisations.edges.map((e: { node: { name: string } }) => e.node.name));
      after = page.organisations.pageInfo.hasNextPage ? page.organisations.pageInfo.endCursor : null;
    } while (after);
    expect(seen).toHaveLength(total);
    expect(new Set(seen).size).toBe(total);
    expect(seen).toEqual([...seen].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));
    // "de formation 3", not "formation 3": the fixture's own training operator is "Formation <random hex>", which may start with 3.
    const filtered = await admin.data(
      `{ organisations(filter: { kind: TRAINING_OPERATOR, search: "de formation 3" }) { totalCount edges { node { name } } } }`,
    );
    expect(filtered.organisations).toEqual({ totalCount: 1, edges: [{ node: { name: 'Organisme de formation 3' } }] });
  });

  it('referents read the directory but cannot change it; partners cannot read it', async () => {
    const referent = new GraphqlClient(server.app);
    await referent.login(tenant.users.referent.email, FIXTURE_PASSWORD);
    expect((await referent.data('{ organisations { totalCount } }')).organisations.totalCount).toBeGreaterThan(3);
    expect((await referent.request(CREATE, { input: { name: 'X', kind: 'COMMUNE' } })).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const partner = new GraphqlClient(server.app);
    await partner.login(tenant.users.partner.email, FIXTURE_PASSWORD);
    expect((await partner.request('{ organisations { totalCount } }')).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });
});
