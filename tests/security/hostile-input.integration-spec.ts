import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LoginAttempt } from '@jalon/api/src/modules/auth/login-attempt.entity';
import { Participant } from '@jalon/api/src/modules/participants/participant.entity';
import { User } from '@jalon/api/src/modules/users/user.entity';
import { createTenantFixture, FIXTURE_PASSWORD, type TenantFixture } from '@jalon/api/src/testing/fixtures';
import { GraphqlClient, LOGIN, type GraphqlResponse } from '@jalon/api/src/testing/graphql-client';
import { startTestServer, type TestServer } from '@jalon/api/src/testing/test-server';

/**
 * Inputs an attacker sends on purpose. Each one is refused with a typed error naming what is
 * wrong, writes nothing, and leaves neither SQL nor the hostile value in the server's log.
 */
let server: TestServer;
let production: TestServer;
let tenant: TenantFixture;
let referent: GraphqlClient;
let participantId: string;
const logLines: string[] = [];

beforeAll(async () => {
  const logStream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      logLines.push(chunk.toString('utf8'));
      done();
    },
  });
  server = await startTestServer({ LOG_LEVEL: 'info' }, { logStream });
  production = await startTestServer({ NODE_ENV: 'production' });
  tenant = await createTenantFixture(server, 'Hostile');
  referent = new GraphqlClient(server.app);
  await referent.login(tenant.users.referent.email, FIXTURE_PASSWORD);
  const created = await referent.data(
    `mutation { createParticipant(input: { details: { firstName: "Inès", lastName: "Garnier", birthDate: "1990-04-04" } }) { id } }`,
  );
  participantId = created.createParticipant.id;
});
afterAll(async () => {
  await server.close();
  await production.close();
});

/** The response is the typed error expected, with no internals in it. */
function expectRefused(response: GraphqlResponse, code: string, field?: string) {
  expect(response.errors?.[0]?.extensions?.code, JSON.stringify(response.errors)).toBe(code);
  if (field) expect(response.errors?.[0]?.extensions?.field).toBe(field);
  expect(response.status).toBeLessThan(500);
  expect(response.raw).not.toMatch(/INTERNAL_SERVER_ERROR|stacktrace|select |insert into|node_modules/i);
}

/** Runs a request and checks that the log it produced holds no SQL and none of `secret`. */
async function logged<T>(secret: string, work: () => Promise<T>): Promise<T> {
  const from = logLines.length;
  const result = await work();
  const log = logLines.slice(from).join('\n');
  expect(log).not.toMatch(/\b(select|insert into|update \w+ set|delete from)\b/i);
  expect(log).not.toContain(secret.slice(0, 64));
  return result;
}

async function countParticipants(lastName: string): Promise<number> {
  return server.asOwner((em) => em.count(Participant, { lastName: { $like: `${lastName}%` } }));
}

describe('hostile inputs get a typed answer, never a server error', () => {
  it('a login email of 500 kB is refused on the field, recorded nowhere, logged nowhere', async () => {
    const email = `${'a'.repeat(500_000)}@test.jalon`;
    const response = await logged(email, () => new GraphqlClient(server.app).request(LOGIN, { input: { email, password: 'whatever it is' } }));
    expectRefused(response, 'BAD_USER_INPUT', 'email');
    expect(response.errors?.[0]?.message).toMatch(/trop long/);
    // Not even cut short: no attempt under this address's first characters (other files log in meanwhile).
    expect(await server.asOwner((em) => em.count(LoginAttempt, { email: { $like: `${'a'.repeat(64)}%` } }))).toBe(0);
  });

  it('a forged cursor whose key is not a date is the caller’s mistake on "after"', async () => {
    const after = Buffer.from(JSON.stringify(['not a date', '00000000-0000-4000-8000-000000000000'])).toString('base64url');
    const response = await logged('not a date', () =>
      referent.request(`query($id: ID!, $after: String) { participantHistory(participantId: $id, page: { first: 5, after: $after }) { totalCount } }`, {
        id: participantId,
        after,
      }),
    );
    expectRefused(response, 'BAD_USER_INPUT', 'after');
  });

  it('a subscription is not an operation this API runs', async () => {
    const response = await logged('subscription', () => referent.request(`subscription { me { user { email } } }`));
    expectRefused(response, 'GRAPHQL_VALIDATION_FAILED');
  });

  it('a persisted-query hash is refused: the API runs the documents it is sent', async () => {
    const response = await server.app.inject({
      method: 'POST',
      url: '/graphql',
      headers: { 'content-type': 'application/json' },
      payload: JSON.stringify({ extensions: { persistedQuery: { version: 1, sha256Hash: 'a'.repeat(64) } } }),
    });
    const body = JSON.parse(response.body) as { errors: Array<{ extensions: { code: string } }> };
    expect(response.statusCode).toBeLessThan(500);
    expect(body.errors[0]?.extensions.code).toBe('PERSISTED_QUERY_NOT_SUPPORTED');
  });

  it('a NUL character in a name is refused on the field and nothing is written', async () => {
    const details = { firstName: 'Re\u0000vo', lastName: 'Nulcharacter', birthDate: '1991-05-05' };
    const response = await logged('Re\u0000vo', () =>
      referent.request(`mutation($details: ParticipantDetailsInput!) { createParticipant(input: { details: $details }) { id } }`, { details }),
    );
    expectRefused(response, 'BAD_USER_INPUT', 'firstName');
    expect(response.errors?.[0]?.message).toMatch(/caractère/);
    expect(await countParticipants('Nulcharacter')).toBe(0);
  });

  it('control characters are refused in a one-line text; a long text keeps its lines and tabs', async () => {
    const bell = await referent.request(`mutation($details: ParticipantDetailsInput!) { createParticipant(input: { details: $details }) { id } }`, {
      details: { firstName: 'Line\nbreak', lastName: 'Controlchar', birthDate: '1991-05-05' },
    });
    expectRefused(bell, 'BAD_USER_INPUT', 'firstName');
    expect(await countParticipants('Controlchar')).toBe(0);
    const note = await referent.request(`mutation($input: AddJournalEntryInput!) { addJournalEntry(input: $input) { text } }`, {
      input: { participantId, day: '2026-11-02', text: 'Point d’étape :\n\t- CV à jour\r\n\t- atelier mardi' },
    });
    expect(note.errors).toBeUndefined();
  });

  it('three hostile fields are all named at once, before anything runs, and nothing is written', async () => {
    const response = await referent.request(`mutation($details: ParticipantDetailsInput!) { createParticipant(input: { details: $details }) { id } }`, {
      details: { firstName: 'x'.repeat(101), lastName: 'Three\u0007bad', birthDate: '1991-05-05', communeCode: '00000' },
    });
    expect(response.errors?.[0]?.extensions).toEqual({
      code: 'BAD_USER_INPUT',
      field: 'firstName',
      fields: [
        { field: 'firstName', message: 'Ce texte est trop long (100 caractères au plus).' },
        { field: 'lastName', message: expect.stringMatching(/caractère de contrôle/) },
        { field: 'communeCode', message: expect.any(String) },
      ],
    });
    expect(await countParticipants('Three')).toBe(0);
  });

  it('a form refused by its service names every bad field, not the first one', async () => {
    const response = await referent.request(`mutation($details: ParticipantDetailsInput!) { createParticipant(input: { details: $details }) { id } }`, {
      details: { firstName: ' ', lastName: 'Threebad', birthDate: '2999-01-01', email: 'not-an-address' },
    });
    const fields = response.errors?.[0]?.extensions?.fields as Array<{ field: string }>;
    expect(fields.map((f) => f.field)).toEqual(['firstName', 'birthDate', 'email']);
    expect(await countParticipants('Threebad')).toBe(0);
  });

  it('every text has a length limit, even one no service checks, named by its path', async () => {
    const response = await referent.request(`query($search: String) { participants(filter: { search: $search }) { totalCount } }`, { search: 'x'.repeat(201) });
    expectRefused(response, 'BAD_USER_INPUT', 'filter.search');
  });

  it('every list has a length limit', async () => {
    const statuses = Array.from({ length: 101 }, () => 'ACTIVE');
    const response = await referent.request(`query($statuses: [PathwayStatus!]) { participants(filter: { statuses: $statuses }) { totalCount } }`, {
      statuses,
    });
    expectRefused(response, 'BAD_USER_INPUT', 'filter.statuses');
  });

  it('an unknown stage kind code in a consent is refused, and no consent is written', async () => {
    const response = await referent.request(`mutation($input: GrantConsentInput!) { grantConsent(input: $input) { id } }`, {
      input: {
        participantId,
        granteeKind: 'TRAINING_OPERATOR',
        dataClasses: ['STAGE_DETAILS'],
        stageKindCodes: ['NOPE'],
        purpose: 'TRAINING_FOLLOW_UP',
        method: 'SIGNED_FORM',
        collectedOn: '2026-11-20',
        noticeVersion: 'notice-2026-01',
      },
    });
    expectRefused(response, 'BAD_USER_INPUT', 'stageKindCodes');
    const written = await referent.data(`query($id: ID!) { consents(participantId: $id) { id } }`, { id: participantId });
    expect(written.consents).toEqual([]);
  });

  it('an unknown commune code in a filter is refused rather than matching nobody', async () => {
    const response = await referent.request(`{ participants(filter: { communeCode: "99999" }) { totalCount } }`);
    expectRefused(response, 'BAD_USER_INPUT', 'filter.communeCode');
  });
});

describe('in production, an error never suggests the schema', () => {
  it('a wrong enum value in variables gets no "Did you mean"', async () => {
    const response = await new GraphqlClient(production.app).request(`query($s: [PathwayStatus!]) { participants(filter: { statuses: $s }) { totalCount } }`, {
      s: ['ACTIV'],
    });
    expectRefused(response, 'BAD_USER_INPUT');
    expect(response.raw).not.toMatch(/Did you mean|ACTIVE/);
  });
});

describe('query cost counts what a query asks for', () => {
  it('14 aliases of a page of 100 with nested lists are refused before anything runs', async () => {
    const alias = (i: number) => `a${i}: participants(page: { first: 100 }) { edges { node { id stages { id status kind { code label } } } } }`;
    const response = await referent.request(`{ ${Array.from({ length: 14 }, (_, i) => alias(i)).join(' ')} }`);
    expectRefused(response, 'GRAPHQL_VALIDATION_FAILED');
    expect(response.errors?.[0]?.message).toMatch(/cost/i);
  });

  it('a page size given in variables is counted too', async () => {
    const alias = (i: number) => `a${i}: participants(page: $page) { edges { node { id stages { id status kind { code label } } } } }`;
    const query = `query($page: PageArgs) { ${Array.from({ length: 14 }, (_, i) => alias(i)).join(' ')} }`;
    expectRefused(await referent.request(query, { page: { first: 100 } }), 'GRAPHQL_VALIDATION_FAILED');
  });

  it('120 aliases of __typename count as aliases', async () => {
    const response = await referent.request(`{ ${Array.from({ length: 120 }, (_, i) => `t${i}: __typename`).join(' ')} }`);
    expectRefused(response, 'GRAPHQL_VALIDATION_FAILED');
    expect(response.errors?.[0]?.message).toMatch(/Aliases limit/);
  });
});

describe('login answers alike for accounts that exist and addresses that do not', () => {
  it('an unknown address locks after the same number of failures, with the same answer', async () => {
    const answers = async (email: string) => {
      const client = new GraphqlClient(server.app, { 'x-forwarded-for': email });
      const codes: unknown[] = [];
      for (let i = 0; i < server.config.LOGIN_MAX_FAILURES + 1; i++) {
        const response = await client.request(LOGIN, { input: { email, password: `guess number ${i}` } });
        codes.push(response.errors?.[0]?.extensions?.code);
      }
      const last = await client.request(LOGIN, { input: { email, password: 'guess again' } });
      return { codes, last: { message: last.errors?.[0]?.message, code: last.errors?.[0]?.extensions?.code } };
    };
    const known = await answers(tenant.users.trainer.email);
    const unknown = await answers(`nobody-${tenant.tenantId.slice(0, 8)}@test.jalon`);
    expect(unknown).toEqual(known);
    expect(known.last.code).toBe('RATE_LIMITED');
    expect(await server.asOwner((em) => em.count(User, { email: { $like: 'nobody-%' } }))).toBe(0);
  });
});
