import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTenantFixture, FIXTURE_PASSWORD, type TenantFixture } from '../testing/fixtures';
import { GraphqlClient } from '../testing/graphql-client';
import { startTestServer, type TestServer } from '../testing/test-server';
import { GRAPHQL_LIMITS } from './apollo';

let server: TestServer;
let production: TestServer;
let tenant: TenantFixture;

beforeAll(async () => {
  server = await startTestServer();
  production = await startTestServer({ NODE_ENV: 'production' });
  tenant = await createTenantFixture(server);
});
afterAll(async () => {
  await server.close();
  await production.close();
});

function nested(depth: number): string {
  return `{ __schema { types { ${'ofType { '.repeat(depth)}name${' }'.repeat(depth)} } } }`;
}

function expectNoInternals(raw: string) {
  expect(raw).not.toMatch(/"stacktrace"|\bat \w+ \(|node_modules|select |\.ts:\d+/i);
}

describe('GraphQL requests that are not acceptable', () => {
  it('a malformed query: a parse error, no internals', async () => {
    const response = await new GraphqlClient(server.app).request('{ me { user { email }');
    expect(response.status).toBe(400);
    expect(response.errors?.[0]?.extensions?.code).toBe('GRAPHQL_PARSE_FAILED');
    expect(response.errors?.[0]?.message).toMatch(/Syntax Error/);
    expectNoInternals(response.raw);
  });

  it('an over-deep query is refused before it runs', async () => {
    const ok = await new GraphqlClient(server.app).request(nested(GRAPHQL_LIMITS.maxDepth - 4));
    expect(ok.errors).toBeUndefined();
    const response = await new GraphqlClient(server.app).request(nested(GRAPHQL_LIMITS.maxDepth + 2));
    expect(response.errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(response.errors?.[0]?.message).toMatch(/depth limit/i);
    expect(response.data).toBeUndefined();
  });

  it('too many aliases (a cheap way to multiply work) are refused', async () => {
    const aliases = Array.from({ length: GRAPHQL_LIMITS.maxAliases + 1 }, (_, i) => `a${i}: me { user { email } }`).join(' ');
    const response = await new GraphqlClient(server.app).request(`{ ${aliases} }`);
    expect(response.errors?.[0]?.message).toMatch(/Aliases limit/);
  });

  it('too many tokens are refused', async () => {
    const response = await new GraphqlClient(server.app).request(`{ me { ${'__typename '.repeat(GRAPHQL_LIMITS.maxTokens)} } }`);
    expect(response.status).toBe(400);
    expect(response.errors?.[0]?.message).toMatch(/more that 2000 tokens/);
  });

  it('batched HTTP requests are not accepted', async () => {
    const response = await server.app.inject({
      method: 'POST',
      url: '/graphql',
      headers: { 'content-type': 'application/json' },
      payload: JSON.stringify([{ query: '{ me { user { email } } }' }, { query: '{ me { user { email } } }' }]),
    });
    expect(response.statusCode).toBe(400);
  });

  it('a bad cursor is the caller\'s mistake (BAD_USER_INPUT on "after"), not a server error', async () => {
    const client = new GraphqlClient(server.app);
    await client.login(tenant.users.admin.email, FIXTURE_PASSWORD);
    for (const after of ['not-a-cursor', Buffer.from('["x","not-a-uuid"]').toString('base64url')]) {
      const response = await client.request(`query($after: String) { members(page: { first: 2, after: $after }) { totalCount } }`, { after });
      expect(response.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'after' });
      expectNoInternals(response.raw);
    }
  });

  it('an operation nobody declared a rule for cannot exist: every root field is guarded', async () => {
    const { describeAccessRules } = await import('../access/operation-access');
    const { getSchema } = await import('./schema');
    expect(describeAccessRules(await getSchema()).filter((line) => line.includes('UNDECLARED'))).toEqual([]);
  });
});

describe('in production', () => {
  it('introspection is off', async () => {
    const response = await new GraphqlClient(production.app).request('{ __schema { types { name } } }');
    expect(response.errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(response.raw).not.toContain('OrganisationKind');
  });

  it('field suggestions are off: a typo does not reveal field names', async () => {
    const response = await new GraphqlClient(production.app).request('{ me { user { emial } } }');
    expect(response.errors?.length).toBeGreaterThan(0);
    expect(response.raw).not.toMatch(/Did you mean/);
    const dev = await new GraphqlClient(server.app).request('{ me { user { emial } } }');
    expect(dev.raw).toMatch(/Did you mean/);
  });
});
