import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAciEmployee, createTenantFixture, loggedIn, type TenantFixture } from '../../testing/fixtures';
import { startTestServer, type TestServer } from '../../testing/test-server';
import { startMailCatcher, type MailCatcher } from '../../testing/mail-catcher';

/**
 * The sign-in link a referent emails to the person (issue 18 §1a), through a real SMTP server on
 * loopback: it reaches the address on her file, its secret is in the fragment, it opens her space
 * once, and only as a link (never typed as a code).
 */
let smtp: MailCatcher;
let server: TestServer;
let plie: TenantFixture;

beforeAll(async () => {
  smtp = await startMailCatcher();
  server = await startTestServer({ SMTP_URL: smtp.url, PUBLIC_URL: 'https://jalon.plie.test' });
  plie = await createTenantFixture(server, 'Lien');
}, 120_000);

afterAll(async () => {
  await server?.close();
  await smtp.close();
});

async function participantRequest(query: string, variables: Record<string, unknown>, cookie?: string) {
  const response = await server.app.inject({
    method: 'POST',
    url: '/graphql',
    headers: { 'content-type': 'application/json', ...(cookie ? { cookie } : {}) },
    payload: JSON.stringify({ query, variables }),
  });
  const session = response.cookies.find((c) => c.name === 'jalon_participant_session');
  return { body: JSON.parse(response.body), cookie: session?.value ? `jalon_participant_session=${session.value}` : undefined };
}

describe('a sign-in link by email', () => {
  it('reaches the address on her file and opens her space once, as a link only', async () => {
    const referent = await loggedIn(server, plie.users.referent.email);
    const person = await createAciEmployee(referent, plie, 'Courriel');
    const noEmail = await referent.request(`mutation($id: ID!) { sendParticipantSignInLink(participantId: $id) }`, { id: person.participantId });
    expect(noEmail.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'participantId' });

    const { participant } = await referent.data(`query($id: ID!) { participant(id: $id) { version } }`, { id: person.participantId });
    await referent.data(`mutation($input: UpdateParticipantInput!) { updateParticipant(input: $input) { id } }`, {
      input: {
        id: person.participantId,
        version: participant.version,
        details: { firstName: 'Samir', lastName: 'Courriel', birthDate: '1987-06-15', email: 'samir@exemple.test' },
      },
    });
    await referent.data(`mutation($id: ID!) { sendParticipantSignInLink(participantId: $id) }`, { id: person.participantId });
    const mail = smtp.received.find((r) => r.recipients.includes('samir@exemple.test'))!;
    expect(mail.mail.subject).toBe('Votre lien pour entrer dans votre espace');
    const token = /https:\/\/jalon\.plie\.test\/mon-espace\/connexion#lien=([\w-]+)/.exec(mail.mail.text ?? '')![1]!;

    // Stored hashed only: the secret is nowhere in the database.
    const stored = await server.asOwner((em) =>
      em.execute<Array<{ code_hash: string }>>(`select code_hash from participant_access_code where code_hash = ? or code_hash like ?`, [token, `%${token}%`]),
    );
    expect(stored).toEqual([]);
    // Typed as a code, a link's secret opens nothing.
    expect(
      (await participantRequest(`mutation($code: String!) { signInWithParticipantCode(code: $code) }`, { code: token })).body.errors[0].extensions.code,
    ).toBe('BAD_USER_INPUT');
    const signIn = await participantRequest(`mutation($token: String!) { signInWithParticipantLink(token: $token) }`, { token });
    expect(signIn.body.errors).toBeUndefined();
    expect((await participantRequest(`{ mySpace { lastName } }`, {}, signIn.cookie)).body.data.mySpace.lastName).toBe('Courriel');
    const again = await participantRequest(`mutation($token: String!) { signInWithParticipantLink(token: $token) }`, { token });
    expect(again.body.errors[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'token' });
  });
});
