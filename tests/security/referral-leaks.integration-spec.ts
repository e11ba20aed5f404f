import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { extractText, getDocumentProxy } from 'unpdf';
import { addDays } from '@jalon/domain';
import { applyRlsSettings, beginRequestTransaction } from '@jalon/api/src/access/request-transaction';
import { todayInFrance } from '@jalon/api/src/graphql/date-input';
import { parseGlobalId, toGlobalId } from '@jalon/api/src/graphql/relay';
import { createTenantFixture, FIXTURE_PASSWORD, type TenantFixture } from '@jalon/api/src/testing/fixtures';
import { GraphqlClient, nodesOf } from '@jalon/api/src/testing/graphql-client';
import { startTestServer, type TestServer } from '@jalon/api/src/testing/test-server';

/**
 * Two partners of one PLIE refer the same person (same name and birth date). The second one joins
 * the open referral, but must read only what it submitted itself and the decision on it: nothing
 * the first one typed, nothing that tells it someone else referred the person — on every read
 * path, in its own SQL transaction too. And a partner refers for its own organisation only.
 */

let server: TestServer;
let tenant: TenantFixture;
let other: TenantFixture;
let animation: GraphqlClient;
let aci: GraphqlClient;
let commune: GraphqlClient;

const PDF = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');
/** What only the first referrer (the integration company) wrote: none of it may reach the commune. */
const FIRST = {
  details: { firstName: 'Revo', lastName: 'Fuitemarqueur', birthDate: '1990-04-17', phone: '0699887766', email: 'revo@aci.invalid', communeCode: '38185' },
  situation: 'SITUATION-ACI-SECRETE',
  reason: 'MOTIF-ACI-SECRET',
  agreementMethod: 'SIGNED_FORM',
  agreedOn: '2026-11-02',
};
const FIRST_MARKERS = ['0699887766', 'revo@aci.invalid', '38185', 'SITUATION-ACI-SECRETE', 'MOTIF-ACI-SECRET', 'QUESTION-COMMISSION', 'Fuitemarqueur'];
/** The commune types the same person its own way. */
const SECOND = {
  details: { firstName: 'RÉVO', lastName: 'FUITEMARQUEUR', birthDate: '1990-04-17', phone: '0611111111' },
  situation: 'Suivie par le CCAS.',
  reason: 'Recherche un emploi.',
  agreementMethod: 'SIGNED_FORM',
  agreedOn: '2026-11-20',
};
const FIELDS = `id version firstName lastName birthDate phone email communeCode communeName receivedAt status progress decidedAt decisionReason redirectedTo
  submissions { id organisationName authorName situation reason } attachments { id fileName organisationName }`;
const SUBMIT = `mutation($input: SubmitReferralInput!) { submitReferral(input: $input) { ${FIELDS} } }`;

let first: any;
let second: any;
let attachmentId: string;
let meetingId: string;

async function client(email: string): Promise<GraphqlClient> {
  const c = new GraphqlClient(server.app);
  await c.login(email, FIXTURE_PASSWORD);
  return c;
}

/** `value` holds nothing the first partner typed, nor its name (except where the meeting lists whom it invited). */
function expectNothingOfTheFirst(value: unknown, { invitedListed = false } = {}): void {
  const text = typeof value === 'string' ? value : JSON.stringify(value);
  for (const marker of FIRST_MARKERS) expect(text).not.toContain(marker);
  if (!invitedListed) expect(text).not.toContain(tenant.organisations.siae.name);
  expect(text).not.toContain(first.receivedAt);
}

beforeAll(async () => {
  server = await startTestServer();
  tenant = await createTenantFixture(server, 'Leaks');
  other = await createTenantFixture(server, 'Elsewhere');
  animation = await client(tenant.users.animation.email);
  aci = await client(tenant.users.aci.email);
  commune = await client(tenant.users.partner.email);

  first = (await aci.data(SUBMIT, { input: FIRST })).submitReferral;
  const upload = await server.app.inject({
    method: 'POST',
    url: `/referrals/${first.id}/attachments`,
    headers: { cookie: aci.cookie!, 'content-type': 'multipart/form-data; boundary=x' },
    payload: Buffer.concat([
      Buffer.from('--x\r\nContent-Disposition: form-data; name="file"; filename="bilan-aci.pdf"\r\nContent-Type: application/pdf\r\n\r\n'),
      PDF,
      Buffer.from('\r\n--x--\r\n'),
    ]),
  });
  expect(upload.statusCode).toBe(201);
  attachmentId = upload.json().id;

  // The commission takes the first referral under review, with both partners invited, before the commune refers the person.
  const inAWeek = addDays(todayInFrance(new Date()), 7);
  const meeting = (
    await animation.data(`mutation($input: PlanMeetingInput!) { planMeeting(input: $input) { id } }`, {
      input: {
        details: {
          kind: 'ACCREDITATION_COMMISSION',
          title: 'Commission du mois',
          startsAt: `${inAWeek}T09:00:00.000Z`,
          endsAt: `${inAWeek}T11:00:00.000Z`,
          place: 'Siège du PLIE',
          organisationIds: [tenant.organisations.commune.globalId, tenant.organisations.siae.globalId],
        },
      },
    })
  ).planMeeting;
  meetingId = meeting.id;
  await animation.data(`mutation($input: AddAgendaItemInput!) { addAgendaItem(input: $input) { id } }`, {
    input: { meetingId, referralId: first.id, question: 'QUESTION-COMMISSION' },
  });

  second = (await commune.data(SUBMIT, { input: SECOND })).submitReferral;
});
afterAll(() => server.close());

describe('a second partner referring the same person', () => {
  it('reads back only what it typed itself, as a new referral of its own', () => {
    expect(second).toMatchObject({
      firstName: 'RÉVO',
      lastName: 'FUITEMARQUEUR',
      phone: '0611111111',
      email: null,
      communeCode: null,
      communeName: null,
      status: 'NEW',
      decisionReason: null,
      attachments: [],
    });
    expect(second.submissions).toEqual([expect.objectContaining({ organisationName: tenant.organisations.commune.name, reason: 'Recherche un emploi.' })]);
    expect(new Date(second.receivedAt).getTime()).toBeGreaterThan(new Date(first.receivedAt).getTime());
    expectNothingOfTheFirst(second);
  });

  it('sees nothing of the first by id, in its list and counts, by status, by guessed node ids, aliases or fragments', async () => {
    const byId = await commune.request(`query($id: ID!) { referral(id: $id) { ${FIELDS} } }`, { id: second.id });
    expect(byId.data?.referral).toEqual(second);
    const list = await commune.data(`{ referrals { totalCount edges { node { ${FIELDS} } } } }`);
    expect(list.referrals.totalCount).toBe(1);
    expect(nodesOf(list.referrals)).toEqual([second]);
    // The first referral is under review: the commune's own is new, and counts say so.
    const underReview = await commune.data(`{ referrals(filter: { statuses: [UNDER_REVIEW] }) { totalCount } }`);
    expect(underReview.referrals.totalCount).toBe(0);

    const guesses = [first.id, first.submissions[0].id, attachmentId, toGlobalId('ReferralSubmission', parseGlobalId(first.submissions[0].id)!.id)];
    for (const id of guesses) {
      const response = await commune.request(`query($id: ID!) { node(id: $id) { id ... on Referral { ${FIELDS} } } referral(id: $id) { ${FIELDS} } }`, { id });
      expectNothingOfTheFirst(response.raw);
    }
    const shaped = await commune.request(
      `query($id: ID!) { a: referral(id: $id) { ...R } b: referrals(filter: { search: "fuitemarqueur" }) { totalCount edges { node { ...R } } } }
       fragment R on Referral { ${FIELDS} }`,
      { id: first.id },
    );
    expect(shaped.data?.b.totalCount).toBe(1);
    expectNothingOfTheFirst(shaped.raw);
  });

  it("gets neither the first partner's attachment nor a hint of it", async () => {
    const response = await server.app.inject({ method: 'GET', url: `/referral-attachments/${attachmentId}`, headers: { cookie: commune.cookie! } });
    expect(response.statusCode).toBe(404);
    expectNothingOfTheFirst(response.body);
  });

  it("does not see the commission's item about the referral made before it referred the person, nor its PDF line", async () => {
    const agenda = await commune.request(
      `query($id: ID!) { meeting(id: $id) { agenda { withheld kind question participantName referralId referralStatus documents { fileName } } } }`,
      { id: meetingId },
    );
    expect(agenda.data?.meeting.agenda).toEqual([expect.objectContaining({ withheld: true, referralId: null, participantName: null })]);
    expectNothingOfTheFirst(agenda.raw);
    const pdf = await server.app.inject({ method: 'GET', url: `/meetings/${meetingId}/minutes.pdf`, headers: { cookie: commune.cookie! } });
    expect(pdf.statusCode).toBe(200);
    const { text } = await extractText(await getDocumentProxy(new Uint8Array(pdf.rawPayload)), { mergePages: true });
    expect(text.toUpperCase()).not.toContain('FUITEMARQUEUR');
    // The PDF lists the invited organisations, the first partner among them: nothing says it referred the person.
    expectNothingOfTheFirst(text, { invitedListed: true });
    // The first referrer, invited too, sees its item.
    const forAci = await aci.data(`query($id: ID!) { meeting(id: $id) { agenda { withheld participantName } } }`, { id: meetingId });
    expect(forAci.meeting.agenda).toEqual([{ withheld: false, participantName: 'Revo Fuitemarqueur' }]);
  });

  it("cannot read the first partner's referral, submission, attachment or agenda item in its own SQL transaction", async () => {
    const em = server.database.orm.em.fork();
    await beginRequestTransaction(em);
    try {
      await applyRlsSettings(em, { tenantId: tenant.tenantId, organisationId: tenant.organisations.commune.id, staff: false });
      const rows = async (sql: string) => em.execute<Array<Record<string, unknown>>>(sql);
      expectNothingOfTheFirst(await rows(`select * from referral`));
      expect(await rows(`select organisation_id from referral_submission`)).toEqual([{ organisation_id: tenant.organisations.commune.id }]);
      expectNothingOfTheFirst(await rows(`select * from referral_submission`));
      expect(await rows(`select id from referral_attachment`)).toEqual([]);
      expect(await rows(`select id from agenda_item where referral_id is not null`)).toEqual([]);
    } finally {
      await em.rollback();
    }
  });

  it('referring the person again is told its own referral is under way, and nothing is added', async () => {
    const again = await commune.request(SUBMIT, { input: { ...SECOND, details: { ...SECOND.details, firstName: 'Revo' } } });
    expect(again.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'details' });
    expect((await commune.data(`{ referrals(filter: { search: "fuitemarqueur" }) { totalCount } }`)).referrals.totalCount).toBe(1);
  });
  it('then reads the decision on its own referral, and is told of it under the name it typed', async () => {
    const staffView = (await animation.data(`query($id: ID!) { referral(id: $id) { version } }`, { id: first.id })).referral;
    await animation.data(`mutation($input: DecideReferralInput!) { decideReferral(input: $input) { id } }`, {
      input: { referralId: first.id, version: staffView.version, decision: 'REDIRECT', reason: 'Relève de la Mission locale', redirectedTo: 'Mission locale' },
    });
    const mine = (await commune.data(`query($id: ID!) { referral(id: $id) { ${FIELDS} } }`, { id: second.id })).referral;
    expect(mine).toMatchObject({ status: 'REDIRECTED', progress: 'REDIRECTED', decisionReason: 'Relève de la Mission locale', redirectedTo: 'Mission locale' });
    expectNothingOfTheFirst(mine);
    const notes = await commune.data(`{ notifications { edges { node { kind participantLabel } } } }`);
    expect(nodesOf(notes.notifications)).toContainEqual({ kind: 'REFERRAL_REDIRECTED', participantLabel: 'RÉVO F.' });
  });
});

describe('the organisation a referral comes from', () => {
  const input = (organisationId: string) => ({
    ...SECOND,
    details: { ...SECOND.details, lastName: `Autreorganisation${Math.random().toString(36).slice(2, 8)}` },
    organisationId,
  });

  it("is a partner's own: another organisation's id, of this PLIE or another, is refused on its field", async () => {
    for (const organisationId of [other.organisations.commune.globalId, tenant.organisations.siae.globalId, 'not-an-id']) {
      const response = await commune.request(SUBMIT, { input: input(organisationId) });
      expect(response.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'organisationId' });
    }
    // Its own id is accepted.
    expect((await commune.data(SUBMIT, { input: input(tenant.organisations.commune.globalId) })).submitReferral.status).toBe('NEW');
  });

  it('is, for staff, a partner of this PLIE: another PLIE’s or a non-partner organisation is refused on its field', async () => {
    for (const organisationId of [other.organisations.commune.globalId, tenant.organisations.animation.globalId]) {
      const response = await animation.request(SUBMIT, { input: input(organisationId) });
      expect(response.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'organisationId' });
    }
    const total = (await animation.data(`{ referrals(filter: { search: "autreorganisation" }) { totalCount } }`)).referrals.totalCount;
    expect(total).toBe(1);
  });
});
