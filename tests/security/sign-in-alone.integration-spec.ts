import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTenantFixture, FIXTURE_PASSWORD, loggedIn, type TenantFixture } from '@jalon/api/src/testing/fixtures';
import type { GraphqlClient } from '@jalon/api/src/testing/graphql-client';
import { startTestServer, type TestServer } from '@jalon/api/src/testing/test-server';

/**
 * Issue 14 follow-up: a failed sign-in commits its own write (the failure counted) although the
 * request fails, which would also commit what any other mutation of the same document wrote. A
 * document signing in beside any other root field (aliases, a fragment on Mutation, a second
 * attempt) is refused before anything runs: BAD_USER_INPUT, nothing written, no failure counted.
 */
let server: TestServer;
let tenant: TenantFixture;
let referent: GraphqlClient;

const PERSON = { details: { firstName: 'Intruse', lastName: 'Àcôté', birthDate: '1990-05-05' }, confirmNotDuplicate: true };
const people = () =>
  server.asOwner(async (em) => (await em.execute<Array<{ n: number }>>(`select count(*)::int as n from participant where last_name = 'Àcôté'`))[0]!.n);
const attempts = (email: string) =>
  server.asOwner(async (em) => (await em.execute<Array<{ n: number }>>('select count(*)::int as n from login_attempt where email = ?', [email]))[0]!.n);

beforeAll(async () => {
  server = await startTestServer();
  tenant = await createTenantFixture(server, 'Connexion seule');
  referent = await loggedIn(server, tenant.users.referent.email);
});
afterAll(() => server.close());

describe('a sign-in in a document', () => {
  it.each([
    [
      'beside a creation',
      `mutation($input: LoginInput!, $person: CreateParticipantInput!) { login(input: $input) { user { id } } createParticipant(input: $person) { id } }`,
      'login',
    ],
    [
      'behind aliases',
      `mutation($input: LoginInput!, $person: CreateParticipantInput!) { a: createParticipant(input: $person) { id } b: login(input: $input) { user { id } } }`,
      'login',
    ],
    [
      'in a fragment on Mutation',
      `mutation($input: LoginInput!, $person: CreateParticipantInput!) { ...M } fragment M on Mutation { login(input: $input) { user { id } } createParticipant(input: $person) { id } }`,
      'login',
    ],
    [
      'in an inline fragment, beside a participant code',
      `mutation($person: CreateParticipantInput!) { ... on Mutation { signInWithParticipantCode(code: "AAAA-BBBB") } createParticipant(input: $person) { id } }`,
      'signInWithParticipantCode',
    ],
    ['twice, with aliases', `mutation($input: LoginInput!) { a: login(input: $input) { user { id } } b: login(input: $input) { user { id } } }`, 'login'],
    ['beside a sign-in link', `mutation { signInWithParticipantLink(token: "guess") logout }`, 'signInWithParticipantLink'],
  ])('is refused %s, before anything runs', async (_, query, field) => {
    const email = tenant.users.animation.email;
    const [peopleBefore, attemptsBefore] = [await people(), await attempts(email)];
    const response = await referent.request(query, { input: { email, password: 'not the password' }, person: PERSON });
    expect(response.errors).toHaveLength(1);
    expect(response.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
    expect(response.errors![0]!.message).toBe('La connexion s’envoie seule : retirez les autres opérations de la requête.');
    expect(response.data ?? null).toBeNull();
    expect(await people()).toBe(peopleBefore);
    expect(await attempts(email)).toBe(attemptsBefore);
  });

  it('still signs in alone (with __typename beside it), and counts a failure alone', async () => {
    const email = tenant.users.animation.email;
    const before = await attempts(email);
    const failed = await referent.request(`mutation($input: LoginInput!) { login(input: $input) { user { id } } }`, { input: { email, password: 'wrong' } });
    expect(failed.errors?.[0]?.extensions?.code).toBeDefined();
    expect(await attempts(email)).toBe(before + 1);
    const signedIn = await referent.data(`mutation($input: LoginInput!) { __typename login(input: $input) { user { email } } }`, {
      input: { email, password: FIXTURE_PASSWORD },
    });
    expect(signedIn).toEqual({ __typename: 'Mutation', login: { user: { email } } });
  });
});
