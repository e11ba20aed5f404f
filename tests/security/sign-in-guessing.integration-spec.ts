import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAciEmployee, createTenantFixture, loggedIn, type TenantFixture } from '@jalon/api/src/testing/fixtures';
import type { GraphqlClient } from '@jalon/api/src/testing/graphql-client';
import { startTestServer, type TestServer } from '@jalon/api/src/testing/test-server';
import { MAX_CODE_FAILURES_PER_IP } from '@jalon/api/src/modules/participant-space/participant-space.service';

/**
 * Hostile review: sign-ins are throttled per address. The failures were counted before the guess
 * and recorded after the request, so guesses sent all at once each read the count before any was
 * recorded: 40 parallel guesses of a participant's code from one address were all tried. Each
 * attempt now waits for the one before from its address (and, for a password, its account), and
 * is counted before the next.
 */
let server: TestServer;
let tenant: TenantFixture;
let referent: GraphqlClient;
let participantId: string;

const SIGN_IN = `mutation($code: String!) { signInWithParticipantCode(code: $code) }`;
const ALPHABET = 'ACDEFGHJKMNPQRTUVWXY34679';

function post(query: string, variables: Record<string, unknown>, ip: string) {
  return server.app.inject({
    method: 'POST',
    url: '/graphql',
    remoteAddress: ip,
    headers: { 'content-type': 'application/json' },
    payload: JSON.stringify({ query, variables }),
  });
}

function signIn(code: string, ip: string) {
  return post(SIGN_IN, { code }, ip);
}

const codeOf = (response: { body: string }) => (JSON.parse(response.body) as { errors?: Array<{ extensions: { code: string } }> }).errors?.[0]?.extensions.code;

beforeAll(async () => {
  server = await startTestServer();
  tenant = await createTenantFixture(server, 'Codes devinés');
  referent = await loggedIn(server, tenant.users.referent.email);
  participantId = (await createAciEmployee(referent, tenant, 'Devinée')).participantId;
});

afterAll(() => server?.close());

describe('guessing codes all at once', () => {
  it('tries no more guesses from one address than the throttle allows, then refuses even the right code', async () => {
    const guesses = Array.from({ length: 4 * MAX_CODE_FAILURES_PER_IP }, (_, i) => `AAAA-AA${ALPHABET[i % 25]}${ALPHABET[Math.floor(i / 25)]}`);
    const answers = (await Promise.all(guesses.map((guess) => signIn(guess, '198.51.100.77')))).map(codeOf);
    expect(answers.filter((code) => code === 'BAD_USER_INPUT')).toHaveLength(MAX_CODE_FAILURES_PER_IP);
    expect(answers.filter((code) => code === 'RATE_LIMITED')).toHaveLength(3 * MAX_CODE_FAILURES_PER_IP);

    const { code } = (await referent.data(`mutation($id: ID!) { createParticipantAccessCode(participantId: $id) { code } }`, { id: participantId }))
      .createParticipantAccessCode;
    expect(codeOf(await signIn(code, '198.51.100.77'))).toBe('RATE_LIMITED');
    // Another address is not held back by this one, and the code was not spent by the refusal.
    const elsewhere = await signIn(code, '198.51.100.78');
    expect(codeOf(elsewhere)).toBeUndefined();
    expect(elsewhere.cookies.some((cookie) => cookie.name === 'jalon_participant_session' && cookie.value)).toBe(true);
  });
});

describe('guessing a password all at once', () => {
  it('locks the account after as many failures as the throttle allows, however many were sent together', async () => {
    const LOGIN = `mutation($email: String!, $password: String!) { login(input: { email: $email, password: $password }) { user { id } } }`;
    const email = tenant.users.partner.email;
    const answers = (await Promise.all(Array.from({ length: 20 }, (_, i) => post(LOGIN, { email, password: `pas le bon ${i}` }, '198.51.100.90')))).map(codeOf);
    // Five wrong passwords are tried (the default LOGIN_MAX_FAILURES); the others find the account locked.
    expect(answers.filter((code) => code === 'UNAUTHENTICATED')).toHaveLength(5);
    expect(answers.filter((code) => code === 'RATE_LIMITED')).toHaveLength(15);
  });
});
