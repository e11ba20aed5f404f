import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAciEmployee, createTenantFixture, loggedIn, type AciEmployee, type TenantFixture } from '@jalon/api/src/testing/fixtures';
import type { GraphqlClient } from '@jalon/api/src/testing/graphql-client';
import { startTestServer, type TestServer } from '@jalon/api/src/testing/test-server';
import { parseGlobalId } from '@jalon/api/src/graphql/relay';
import { MAX_CODE_FAILURES_PER_IP } from '@jalon/api/src/modules/participant-space/participant-space.service';

/**
 * A participant's own session (issue 18 §1) reaches her own file and nothing else: not another
 * person's, not another tenant's, never the referent's private notes or journal, no staff or
 * partner operation, by GraphQL (aliases, fragments, guessed ids) and by the downloads. Codes are
 * single use, expire, are revoked with the access, and guessing them is throttled.
 */

const PRIVATE = 'NOTE-PRIVEE-DU-REFERENT';
const JOURNAL = 'JOURNAL-DU-REFERENT';

/** A browser of the participant: keeps her own session cookie. */
class ParticipantBrowser {
  cookie: string | null = null;
  /** The language her browser asks for (Accept-Language), as the portal sends its own. */
  language: string | null = null;
  constructor(
    private readonly app: TestServer['app'],
    private readonly ip = '203.0.113.7',
  ) {}

  async request(query: string, variables: Record<string, unknown> = {}) {
    const response = await this.app.inject({
      method: 'POST',
      url: '/graphql',
      remoteAddress: this.ip,
      headers: { 'content-type': 'application/json', ...this.headers() },
      payload: JSON.stringify({ query, variables }),
    });
    const set = response.cookies.find((c) => c.name === 'jalon_participant_session');
    if (set) this.cookie = set.value ? `jalon_participant_session=${set.value}` : null;
    return { raw: response.body, ...(JSON.parse(response.body) as { data?: any; errors?: Array<{ message: string; extensions: Record<string, unknown> }> }) };
  }

  get(url: string) {
    return this.app.inject({ method: 'GET', url, remoteAddress: this.ip, headers: this.headers() });
  }

  private headers(): Record<string, string> {
    return { ...(this.cookie ? { cookie: this.cookie } : {}), ...(this.language ? { 'accept-language': this.language } : {}) };
  }

  async signIn(code: string) {
    return this.request(`mutation($code: String!) { signInWithParticipantCode(code: $code) }`, { code });
  }
}

const SPACE = `{ mySpace { firstName lastName programme referent
  nextAppointments { id title startsAt } stages { id kindLabel sharedSummary } contracts { objectives }
  consents { id sentence inForce withdrawable } reads { at organisation sentence } requests { kind status dueOn } } }`;

let server: TestServer;
let plie: TenantFixture;
let other: TenantFixture;
let referent: GraphqlClient;
let aci: GraphqlClient;
let samir: AciEmployee;
let bruno: AciEmployee;
let stranger: AciEmployee;

async function codeFor(client: GraphqlClient, participantId: string): Promise<string> {
  return (await client.data(`mutation($id: ID!) { createParticipantAccessCode(participantId: $id) { code expiresAt } }`, { id: participantId }))
    .createParticipantAccessCode.code;
}

async function signedIn(participantId: string, ip?: string): Promise<ParticipantBrowser> {
  const browser = new ParticipantBrowser(server.app, ip);
  const answer = await browser.signIn(await codeFor(referent, participantId));
  expect(answer.errors).toBeUndefined();
  return browser;
}

async function grant(participantId: string, organisationId: string): Promise<string> {
  return (
    await referent.data(`mutation($input: GrantConsentInput!) { grantConsent(input: $input) { id } }`, {
      input: {
        participantId,
        granteeOrganisationId: organisationId,
        dataClasses: ['STAGE_LIST', 'STAGE_DETAILS'],
        purpose: 'CONTRACT_REPORTING',
        method: 'SIGNED_FORM',
        collectedOn: '2026-09-01',
        noticeVersion: 'notice-2026',
      },
    })
  ).grantConsent.id;
}

const uuid = (globalId: string) => parseGlobalId(globalId)!.id;

beforeAll(async () => {
  server = await startTestServer();
  plie = await createTenantFixture(server, 'Espace');
  other = await createTenantFixture(server, 'Autre');
  referent = await loggedIn(server, plie.users.referent.email);
  aci = await loggedIn(server, plie.users.aci.email);
  samir = await createAciEmployee(referent, plie, 'Espace');
  bruno = await createAciEmployee(referent, plie, 'Voisin');
  stranger = await createAciEmployee(await loggedIn(server, other.users.referent.email), other, 'Ailleurs');
  await server.asOwner(async (em) => {
    await em.execute(`update stage set private_notes = ?, shared_summary = 'Contrat au jardin, tout se passe bien' where id in (?, ?)`, [
      PRIVATE,
      uuid(samir.stageId),
      uuid(bruno.stageId),
    ]);
  });
  const soon = Date.now() + 3 * 86_400_000;
  for (const [who, title, hoursLater] of [
    [samir, 'Point emploi de Samir', 0],
    [bruno, 'Point emploi de Bruno', 2],
  ] as const)
    await referent.data(`mutation($input: ScheduleAppointmentInput!) { scheduleAppointment(input: $input) { id } }`, {
      input: {
        participantIds: [who.participantId],
        kind: 'INDIVIDUAL',
        mode: 'IN_PERSON',
        place: 'OFFICE',
        title,
        startsAt: new Date(soon + hoursLater * 3_600_000).toISOString(),
        endsAt: new Date(soon + (hoursLater + 1) * 3_600_000).toISOString(),
      },
    });
  await referent.data(`mutation($input: AddJournalEntryInput!) { addJournalEntry(input: $input) { day } }`, {
    input: { participantId: samir.participantId, text: JOURNAL },
  });
}, 120_000);

afterAll(() => server?.close());

describe('her session reaches her own file', () => {
  it('shows her plan with the shared summary, never the private notes or the journal', async () => {
    const samirBrowser = await signedIn(samir.participantId);
    const { data, errors, raw } = await samirBrowser.request(SPACE);
    expect(errors).toBeUndefined();
    expect(data.mySpace.firstName).toBe('Samir');
    expect(data.mySpace.lastName).toBe('Espace');
    expect(data.mySpace.stages.map((s: { sharedSummary: string }) => s.sharedSummary)).toEqual(['Contrat au jardin, tout se passe bien']);
    expect(data.mySpace.nextAppointments.map((a: { title: string }) => a.title)).toEqual(['Point emploi de Samir']);
    expect(raw).not.toContain(PRIVATE);
    expect(raw).not.toContain(JOURNAL);
    expect(raw).not.toContain('Voisin');
  });

  it('is refused every staff and partner operation, with aliases and fragments, and any guessed id', async () => {
    const browser = await signedIn(samir.participantId);
    const attempts = [
      [`query($id: ID!) { participant(id: $id) { id lastName } }`, { id: samir.participantId }],
      [`query($id: ID!) { mine: participant(id: $id) { ... on Participant { lastName } } }`, { id: bruno.participantId }],
      [`query($id: ID!) { node(id: $id) { id ... on Participant { lastName } } }`, { id: samir.participantId }],
      [`query($id: ID!) { journal(participantId: $id) { edges { node { text } } } }`, { id: samir.participantId }],
      [`query($id: ID!) { participantSpaceAccess(participantId: $id) { active } }`, { id: samir.participantId }],
      [`mutation($id: ID!) { createParticipantAccessCode(participantId: $id) { code } }`, { id: bruno.participantId }],
      [`{ participants { edges { node { id } } } }`, {}],
      [`{ rightsRequests { edges { node { id message } } } }`, {}],
    ] as const;
    for (const [query, variables] of attempts) {
      const answer = await browser.request(query, variables);
      expect(answer.errors?.[0]?.extensions.code, query).toMatch(/UNAUTHENTICATED|FORBIDDEN/);
      expect(answer.raw, query).not.toMatch(/Espace|Voisin|Ailleurs/);
    }
    // She is no user: the viewer is nobody.
    expect((await browser.request(`{ me { user { email } } }`)).data).toEqual({ me: null });
    // Her own operation and a staff field in one document: the staff field is refused, nothing of it leaks.
    const mixed = await browser.request(`query($id: ID!) { mySpace { firstName } p: participant(id: $id) { lastName } }`, { id: bruno.participantId });
    expect(mixed.errors?.map((e) => e.extensions.code)).toEqual(['UNAUTHENTICATED']);
    expect(mixed.raw).not.toContain('Voisin');
  });

  it('cannot withdraw another person’s consent, or one of another tenant, by a guessed id', async () => {
    const brunoConsent = await grant(bruno.participantId, plie.organisations.siae.globalId);
    const browser = await signedIn(samir.participantId);
    const answer = await browser.request(`mutation($id: ID!) { withdrawMyConsent(consentId: $id) { firstName } }`, { id: brunoConsent });
    expect(answer.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    const [row] = await server.asOwner((em) => em.execute<Array<{ status: string }>>(`select status from consent where id = ?`, [uuid(brunoConsent)]));
    expect(row!.status).toBe('ACTIVE');
  });

  it('reads nothing in SQL but her own rows: other tables are hidden by row-level security', async () => {
    const browser = await signedIn(samir.participantId);
    // Through the download routes as well: the staff ones refuse her.
    for (const url of ['/agenda.ics', `/participants/${samir.participantId}/consent-form.pdf`]) {
      const response = await browser.get(url);
      expect(response.statusCode, url).toBeGreaterThanOrEqual(400);
      expect(response.body).not.toContain('Espace');
    }
    const own = await browser.get('/my-space/my-data.json');
    expect(own.statusCode).toBe(200);
    const copy = JSON.parse(own.body);
    expect(copy.participant.lastName).toBe('Espace');
    expect(own.body).not.toContain(PRIVATE);
    expect(own.body).not.toContain(JOURNAL);
    expect(own.body).not.toContain('Voisin');
    expect(copy.excluded).toMatch(/notes personnelles/);
    // What partners recorded about her is hers too: her assisted contract with its employer.
    expect(copy.employment).toMatchObject([{ position: 'Ouvrier maraîcher', contractType: 'CDDI', weeklyHours: 26 }]);
    const ics = await browser.get('/my-space/appointments.ics');
    expect(ics.statusCode).toBe(200);
    expect(ics.body).toContain('SUMMARY:Point emploi de Samir');
    expect(ics.body).not.toContain('Bruno');
    const pdf = await browser.get('/my-space/my-data.pdf');
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    const { extractText } = await import('unpdf');
    const { text } = await extractText(new Uint8Array(pdf.rawPayload), { mergePages: true });
    expect(text).toContain('Espace');
    expect(text).toContain('Contrat au jardin');
    expect(text).toContain('Ouvrier maraîcher chez');
    expect(text).not.toContain(PRIVATE);
    expect(text).toMatch(/article 15/);
    // Without her session, her downloads are refused.
    for (const url of ['/my-space/my-data.json', '/my-space/my-data.pdf', '/my-space/appointments.ics'])
      expect((await new ParticipantBrowser(server.app).get(url)).statusCode, url).toBe(401);
    // Nor does a staff session open them: they are hers only.
    const staff = await server.app.inject({ method: 'GET', url: '/my-space/my-data.json', headers: { cookie: referent.cookie! } });
    expect(staff.statusCode).toBe(403);
  });
});

describe('codes', () => {
  it('work once', async () => {
    const code = await codeFor(referent, samir.participantId);
    expect(code).toMatch(/^[A-Z0-9]{4}-[A-Z0-9]{4}$/);
    expect((await new ParticipantBrowser(server.app).signIn(code.toLowerCase())).errors).toBeUndefined();
    const again = await new ParticipantBrowser(server.app).signIn(code);
    expect(again.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('stop working when expired, or when a newer code is issued', async () => {
    const old = await codeFor(referent, samir.participantId);
    const newer = await codeFor(referent, samir.participantId);
    expect((await new ParticipantBrowser(server.app).signIn(old)).errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    await server.asOwner((em) =>
      em.execute(`update participant_access_code set expires_at = now() - interval '1 minute' where participant_id = ? and used_at is null`, [
        uuid(samir.participantId),
      ]),
    );
    expect((await new ParticipantBrowser(server.app).signIn(newer)).errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('are refused to a referent who does not follow the person, and across tenants', async () => {
    const foreign = await loggedIn(server, other.users.referent.email);
    const answer = await foreign.request(`mutation($id: ID!) { createParticipantAccessCode(participantId: $id) { code } }`, { id: samir.participantId });
    expect(answer.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    const partner = await aci.request(`mutation($id: ID!) { createParticipantAccessCode(participantId: $id) { code } }`, { id: samir.participantId });
    expect(partner.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    void stranger;
  });

  it('revoked by the referent: every session of hers ends at its next request, and unused codes die', async () => {
    const first = await signedIn(samir.participantId);
    const second = await signedIn(samir.participantId);
    const pending = await codeFor(referent, samir.participantId);
    const state = await referent.data(`query($id: ID!) { participantSpaceAccess(participantId: $id) { active codeExpiresAt } }`, { id: samir.participantId });
    expect(state.participantSpaceAccess.active).toBe(true);
    expect(state.participantSpaceAccess.codeExpiresAt).not.toBeNull();
    const revoked = await referent.data(`mutation($id: ID!) { revokeParticipantSpaceAccess(participantId: $id) { active codeExpiresAt } }`, {
      id: samir.participantId,
    });
    expect(revoked.revokeParticipantSpaceAccess).toEqual({ active: false, codeExpiresAt: null });
    for (const browser of [first, second]) expect((await browser.request(SPACE)).errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    expect((await new ParticipantBrowser(server.app).signIn(pending)).errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('sessions end after 30 idle minutes', async () => {
    const browser = await signedIn(samir.participantId);
    await server.asOwner((em) =>
      em.execute(`update participant_session set last_seen_at = now() - interval '31 minutes' where participant_id = ?`, [uuid(samir.participantId)]),
    );
    expect((await browser.request(SPACE)).errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('guessing is throttled per address, even once the right code is typed', async () => {
    const guesser = new ParticipantBrowser(server.app, '198.51.100.99');
    for (let i = 0; i < MAX_CODE_FAILURES_PER_IP; i++) expect((await guesser.signIn('AAAA-AAAA')).errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    const code = await codeFor(referent, samir.participantId);
    expect((await guesser.signIn(code)).errors?.[0]?.extensions?.code).toBe('RATE_LIMITED');
    // Another address is not slowed down by it.
    expect((await new ParticipantBrowser(server.app, '198.51.100.100').signIn(code)).errors).toBeUndefined();
  });
});

describe('her consents and who read her file', () => {
  it('a withdrawal from her space hides the data from the partner at its next request, and tells her referent', async () => {
    const consentId = await grant(samir.participantId, plie.organisations.siae.globalId);
    const seen = await aci.request(`query($id: ID!) { participant(id: $id) { lastName } }`, { id: samir.participantId });
    expect(seen.data?.participant?.lastName).toBe('Espace');

    const browser = await signedIn(samir.participantId);
    const space = (await browser.request(SPACE)).data.mySpace;
    const mine = space.consents.find((c: { id: string }) => c.id === consentId);
    expect(mine.sentence).toMatch(/^ACI .* voit vos étapes et le détail de vos étapes tant que dure votre parcours, pour le suivi de votre contrat\.$/);
    expect(mine.withdrawable).toBe(true);
    const after = await browser.request(`mutation($id: ID!) { withdrawMyConsent(consentId: $id) { consents { id inForce withdrawable } } }`, { id: consentId });
    expect(after.errors).toBeUndefined();
    expect(after.data.withdrawMyConsent.consents.find((c: { id: string }) => c.id === consentId)).toEqual({
      id: consentId,
      inForce: false,
      withdrawable: false,
    });

    const next = await aci.request(`query($id: ID!) { participant(id: $id) { lastName } }`, { id: samir.participantId });
    expect(next.data?.participant ?? null).toBeNull();
    const told = await server.asOwner((em) =>
      em.execute<Array<{ organisation_id: string; kind: string }>>(`select organisation_id, kind from notification where participant_id = ? order by kind`, [
        uuid(samir.participantId),
      ]),
    );
    expect(told).toEqual(
      expect.arrayContaining([
        { organisation_id: plie.organisations.operator.id, kind: 'CONSENT_WITHDRAWN_BY_PARTICIPANT' },
        { organisation_id: plie.organisations.siae.id, kind: 'CONSENT_REVOKED' },
      ]),
    );
    const events = await server.asOwner((em) =>
      em.execute<Array<{ action: string; author_id: string | null }>>(`select action, author_id from consent_event where consent_id = ? order by at`, [
        uuid(consentId),
      ]),
    );
    expect(events.at(-1)).toEqual({ action: 'REVOKED', author_id: null });
  });

  it('reads her consents, who read her file and the copy of her data in English when she reads English, in French otherwise', async () => {
    const consentId = await grant(samir.participantId, plie.organisations.siae.globalId);
    await aci.request(`query($id: ID!) { participant(id: $id) { lastName } }`, { id: samir.participantId });
    const browser = await signedIn(samir.participantId);
    browser.language = 'en-GB,en;q=0.9';
    const space = (await browser.request(SPACE)).data.mySpace;
    expect(space.consents.find((c: { id: string }) => c.id === consentId).sentence).toMatch(
      /^ACI .* sees your steps and the details of your steps for as long as your pathway lasts, to follow your contract\.$/,
    );
    expect(space.reads[0].sentence).toMatch(/^ACI .* read your name/);
    const copy = JSON.parse((await browser.get('/my-space/my-data.json')).body);
    expect(copy.excluded).toMatch(/^This copy does not include your referent's personal notes/);
    expect(copy.legalBasis).toMatch(/^GDPR, article 15/);
    expect(copy.consents.find((c: { id: string }) => c.id === uuid(consentId)).sentence).toMatch(/ sees your steps /);
    const { extractText } = await import('unpdf');
    const english = (await extractText(new Uint8Array((await browser.get('/my-space/my-data.pdf')).rawPayload), { mergePages: true })).text;
    for (const words of ['Copy of your data', 'What you agreed to share', 'Who consulted your file', 'Ouvrier maraîcher at', ' sees your steps '])
      expect(english).toContain(words);
    expect(english).not.toMatch(/Copie de vos données|Qui a consulté|voit vos étapes/);

    browser.language = null;
    const french = (await extractText(new Uint8Array((await browser.get('/my-space/my-data.pdf')).rawPayload), { mergePages: true })).text;
    for (const words of ['Copie de vos données', 'Ce que vous avez accepté de partager', 'Qui a consulté votre dossier', ' voit vos étapes '])
      expect(french).toContain(words);
    expect((await browser.request(SPACE)).data.mySpace.reads[0].sentence).toMatch(/^ACI .* a consulté /);
  });

  it('her access history lists exactly the partner reads of the access log about her', async () => {
    const logged = await server.asOwner((em) =>
      em.execute<Array<{ at: Date; organisation_id: string }>>(`select at, organisation_id from access_log where participant_id = ? order by seq desc`, [
        uuid(samir.participantId),
      ]),
    );
    expect(logged.length).toBeGreaterThan(0);
    const browser = await signedIn(samir.participantId);
    const reads = (await browser.request(SPACE)).data.mySpace.reads as Array<{ at: string; organisation: string; sentence: string }>;
    const names: Record<string, string> = Object.fromEntries(Object.values(plie.organisations).map((o) => [o.id, o.name]));
    expect(reads.map((r) => [new Date(r.at).toISOString(), r.organisation])).toEqual(
      logged.map((l) => [new Date(l.at).toISOString(), names[l.organisation_id]]),
    );
    expect(reads[0]!.sentence).toMatch(/^ACI .* a consulté /);
  });

  it('her request for correction reaches the animation team with its one-month deadline; they answer it', async () => {
    const browser = await signedIn(samir.participantId);
    const bad = await browser.request(`mutation { submitRightsRequest(kind: CORRECTION, message: "   ") { firstName } }`);
    expect(bad.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'message' });
    const asked = await browser.request(
      `mutation { submitRightsRequest(kind: CORRECTION, message: "Mon adresse a changé") { requests { kind status dueOn } } }`,
    );
    expect(asked.errors).toBeUndefined();
    const [request] = asked.data.submitRightsRequest.requests;
    expect(request.status).toBe('OPEN');
    const animation = await loggedIn(server, plie.users.animation.email);
    // The team is told, once, even when she sends the same request again.
    await browser.request(`mutation { submitRightsRequest(kind: CORRECTION, message: "Mon adresse a changé") { firstName } }`);
    const { notifications } = await animation.data(`{ notifications { edges { node { kind } } } }`);
    expect(notifications.edges.filter((e: { node: { kind: string } }) => e.node.kind === 'RIGHTS_REQUEST_RECEIVED')).toHaveLength(1);
    const { rightsRequests } = await animation.data(`{ rightsRequests(status: OPEN) { edges { node { id version participantName message dueOn } } } }`);
    const listed = rightsRequests.edges.map((e: { node: unknown }) => e.node).find((r: { message: string }) => r.message === 'Mon adresse a changé');
    expect(listed).toMatchObject({ participantName: 'Samir Espace', dueOn: request.dueOn });
    // A referent does not hold the capability; the other tenant does not see it.
    expect((await referent.request(`{ rightsRequests { totalCount } }`)).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const foreign = await loggedIn(server, other.users.animation.email);
    expect((await foreign.data(`{ rightsRequests { totalCount edges { node { message } } } }`)).rightsRequests).toEqual({ totalCount: 0, edges: [] });
    const answered = await animation.data(`mutation($id: ID!, $v: Int!) { answerRightsRequest(id: $id, version: $v, answer: "Adresse corrigée") { status } }`, {
      id: listed.id,
      v: listed.version,
    });
    expect(answered.answerRightsRequest.status).toBe('ANSWERED');
    const stale = await animation.request(`mutation($id: ID!, $v: Int!) { answerRightsRequest(id: $id, version: $v, answer: "Encore") { status } }`, {
      id: listed.id,
      v: listed.version,
    });
    expect(stale.errors?.[0]?.extensions?.code).toBe('CONFLICT');
  });
});
