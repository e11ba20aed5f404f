import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../config';
import { createTenantFixture, FIXTURE_PASSWORD, type TenantFixture } from '../../testing/fixtures';
import { GraphqlClient } from '../../testing/graphql-client';
import { startTestServer, type TestServer } from '../../testing/test-server';
import { mailTransport, sendNotificationEmails } from './notification-emails';
import { startMailCatcher, type MailCatcher } from '../../testing/mail-catcher';

let server: TestServer;
let tenant: TenantFixture;
let smtp: MailCatcher;

beforeAll(async () => {
  smtp = await startMailCatcher();
  server = await startTestServer();
  tenant = await createTenantFixture(server, 'Mail');
});
afterAll(async () => {
  await server.close();
  await smtp.close();
});

describe('notifications by email', () => {
  it("sends each new notification once to the organisation's active members, naming the person by first name and initial only", async () => {
    const config = loadConfig({ SMTP_URL: smtp.url, SMTP_FROM: 'Jalon <notifications@plie.test>', PUBLIC_URL: 'https://jalon.plie.test' });
    const referent = new GraphqlClient(server.app);
    await referent.login(tenant.users.referent.email, FIXTURE_PASSWORD);
    const { createParticipant } = await referent.data(
      `mutation { createParticipant(input: { details: { firstName: "Nora", lastName: "Lambert", birthDate: "1990-01-01" } }) { id } }`,
    );
    await referent.data(`mutation($input: GrantConsentInput!) { grantConsent(input: $input) { id } }`, {
      input: {
        participantId: createParticipant.id,
        granteeOrganisationId: tenant.organisations.commune.globalId,
        dataClasses: ['PATHWAY_STATUS'],
        purpose: 'REFERRAL_FOLLOW_UP',
        method: 'SIGNED_FORM',
        collectedOn: '2026-11-20',
        noticeVersion: 'notice-2026-01',
      },
    });

    const transport = mailTransport(config)!;
    // Other PLIEs' news may go out in the same sweep (a shared database): this PLIE's one notification is among them.
    expect(await sendNotificationEmails(server.database.orm, transport, config, new Date())).toBeGreaterThanOrEqual(1);
    const mine = smtp.received.filter((r) => r.recipients.includes(tenant.users.partner.email));
    expect(mine).toHaveLength(1);
    const { mail, recipients } = mine[0]!;
    // Only the commune's people: not the integration company's, not the referent.
    expect(recipients).toEqual([tenant.users.partner.email]);
    expect(mail.subject).toBe(`${tenant.name} : Un accord de partage concernant Nora L. vous a été accordé`);
    expect(mail.text).toContain('https://jalon.plie.test');
    expect(mail.text).not.toContain('Lambert');
    expect(mail.to).toBeUndefined();

    // Sent once: the next sweep does not send it again.
    await sendNotificationEmails(server.database.orm, transport, config, new Date());
    expect(smtp.received.filter((r) => r.recipients.includes(tenant.users.partner.email))).toHaveLength(1);
  });
});
