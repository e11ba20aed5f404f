import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '@jalon/api/src/config';
import { sendNotificationEmails } from '@jalon/api/src/modules/notifications/notification-emails';
import { createTenantFixture, FIXTURE_PASSWORD, type TenantFixture } from '@jalon/api/src/testing/fixtures';
import { GraphqlClient, nodesOf } from '@jalon/api/src/testing/graphql-client';
import { startTestServer, type TestServer } from '@jalon/api/src/testing/test-server';

/**
 * A notification names a person (« accord de partage : Revo R. »): the partner must get it —
 * listed, counted as unread, emailed — only while it may see that person. A refusal in force, a
 * grant that starts later, or a withdrawal after the notice was sent hide it.
 */

let server: TestServer;
let tenant: TenantFixture;
let referent: GraphqlClient;
let commune: GraphqlClient;
const config = loadConfig({ SMTP_URL: 'smtp://127.0.0.1:25', PUBLIC_URL: 'https://jalon.plie.test' });
/** What went out by email (the mail server's side of nodemailer's transport). */
const received: Array<{ recipients: string[]; subject: string; text: string }> = [];
const transport = {
  sendMail: async (mail: { bcc: string[]; subject: string; text: string }) => {
    received.push({ recipients: mail.bcc, subject: mail.subject, text: mail.text });
  },
} as unknown as Parameters<typeof sendNotificationEmails>[1];

const GRANT = `mutation($input: GrantConsentInput!) { grantConsent(input: $input) { id version } }`;
const REVOKE = `mutation($id: ID!, $version: Int!) { revokeConsent(consentId: $id, version: $version, reason: "Demande de la personne") { id } }`;
const NOTES = `{ all: notifications { totalCount edges { node { kind participantLabel } } } unread: notifications(unreadOnly: true) { totalCount } }`;

let people = 0;
/** A person on file, with a first name no other test uses: it is what a notification would leak. */
async function person(): Promise<{ id: string; label: string }> {
  people++;
  const firstName = `Cachée${'abcdefghij'[people % 10]}${people}`;
  const { createParticipant } = await referent.data(`mutation($input: CreateParticipantInput!) { createParticipant(input: $input) { id } }`, {
    input: { details: { firstName, lastName: 'Revo', birthDate: '1988-06-01' } },
  });
  return { id: createParticipant.id, label: `${firstName} R.` };
}

function terms(participantId: string, overrides: Record<string, unknown> = {}) {
  return {
    participantId,
    granteeOrganisationId: tenant.organisations.commune.globalId,
    dataClasses: ['PATHWAY_STATUS'],
    purpose: 'REFERRAL_FOLLOW_UP',
    method: 'SIGNED_FORM',
    collectedOn: '2026-11-20',
    noticeVersion: 'notice-2026-01',
    ...overrides,
  };
}

async function notes(): Promise<{ labels: string[]; kinds: string[]; total: number; unread: number }> {
  const data = await commune.data(NOTES);
  const nodes = nodesOf(data.all);
  return {
    labels: nodes.map((n: any) => n.participantLabel),
    kinds: nodes.map((n: any) => n.kind),
    total: data.all.totalCount,
    unread: data.unread.totalCount,
  };
}

async function mailedTo(label: string): Promise<boolean> {
  await sendNotificationEmails(server.database.orm, transport, config, new Date());
  return received.some((r) => r.recipients.includes(tenant.users.partner.email) && `${r.subject} ${r.text}`.includes(label));
}

beforeAll(async () => {
  server = await startTestServer();
  tenant = await createTenantFixture(server, 'Notices');
  referent = new GraphqlClient(server.app);
  await referent.login(tenant.users.referent.email, FIXTURE_PASSWORD);
  commune = new GraphqlClient(server.app);
  await commune.login(tenant.users.partner.email, FIXTURE_PASSWORD);
});
afterAll(() => server.close());

describe('a notification naming a person', () => {
  it('is neither listed, counted nor emailed while a refusal is in force', async () => {
    const before = await notes();
    const revo = await person();
    // The person refused communes as a kind; a grant to this commune later does not undo it.
    await referent.data(GRANT, { input: terms(revo.id, { effect: 'REFUSAL', granteeOrganisationId: null, granteeKind: 'COMMUNE' }) });
    const grant = (await referent.data(GRANT, { input: terms(revo.id) })).grantConsent;
    await referent.data(REVOKE, { id: grant.id, version: grant.version });
    const after = await notes();
    expect(after.labels).not.toContain(revo.label);
    expect([after.total, after.unread]).toEqual([before.total, before.unread]);
    expect(await mailedTo(revo.label)).toBe(false);
  });

  it('is neither listed, counted nor emailed for a grant that starts later', async () => {
    const before = await notes();
    const revo = await person();
    // Next year: later than today, within the five years a consent may be planned ahead.
    await referent.data(GRANT, { input: terms(revo.id, { validFrom: `${new Date().getFullYear() + 1}-06-01` }) });
    const after = await notes();
    expect(after.labels).not.toContain(revo.label);
    expect([after.total, after.unread]).toEqual([before.total, before.unread]);
    expect(await mailedTo(revo.label)).toBe(false);
  });

  it('is hidden — list, unread count, mark-as-read count, email — once the consent is withdrawn; only the notice that access ended stays', async () => {
    const before = await notes();
    const revo = await person();
    const grant = (await referent.data(GRANT, { input: terms(revo.id) })).grantConsent;
    const granted = await notes();
    expect(granted.labels).toContain(revo.label);
    expect(granted.unread).toBe(before.unread + 1);

    await referent.data(REVOKE, { id: grant.id, version: grant.version });
    const after = await notes();
    expect(after.kinds.filter((_, i) => after.labels[i] === revo.label)).toEqual(['CONSENT_REVOKED']);
    expect([after.total, after.unread]).toEqual([before.total + 1, before.unread + 1]);
    // Emailed: the end of the access only, never the grant now withdrawn.
    await sendNotificationEmails(server.database.orm, transport, config, new Date());
    const mails = received.filter((r) => r.recipients.includes(tenant.users.partner.email) && r.subject.includes(revo.label));
    expect(mails.map((m) => m.subject)).toEqual([expect.not.stringContaining('accordé')]);
    // Marking all read counts only what the partner is shown.
    expect((await commune.data(`mutation { markNotificationsRead }`)).markNotificationsRead).toBe(after.unread);
  });

  it('is hidden when a refusal comes after it was sent, email included', async () => {
    const revo = await person();
    await referent.data(GRANT, { input: terms(revo.id) });
    expect((await notes()).labels).toContain(revo.label);
    await referent.data(GRANT, { input: terms(revo.id, { effect: 'REFUSAL' }) });
    expect((await notes()).labels).not.toContain(revo.label);
    expect(await mailedTo(revo.label)).toBe(false);
  });
});
