import type { MikroORM } from '@mikro-orm/postgresql';
import nodemailer, { type Transporter } from 'nodemailer';
import type { Config } from '../../config';
import { mayStillTell } from '../../access/notification-access';
import { inScopedTransaction } from '../../access/request-transaction';
import { LOCALES, type Locale, translate } from '../../i18n/messages';
import { Membership } from '../tenancy/membership.entity';
import { Notification } from './notification.entity';
import { tenantsWithUnsentNotifications } from './notification.query';

export const MAIL_SWEEP_INTERVAL_MS = 60_000;
/** Only recent news goes out: a mail server configured today does not flood people with last month's. */
const MAIL_WINDOW_MS = 24 * 3_600_000;

/** The configured mail server, or null: notifications then stay in the portal only. */
export function mailTransport(config: Config): Transporter | null {
  return config.SMTP_URL ? nodemailer.createTransport(config.SMTP_URL) : null;
}

function localeOf(value: string): Locale {
  return (LOCALES as readonly string[]).includes(value) ? (value as Locale) : 'fr';
}

/**
 * Emails each notification not yet sent to the active members of its organisation, in their
 * language, then marks it sent (in a transaction of its own, so one failure does not resend the
 * others). Runs tenant by tenant as the application role. Returns how many notifications went out.
 */
export async function sendNotificationEmails(orm: MikroORM, transport: Transporter, config: Config, now: Date): Promise<number> {
  const since = new Date(now.getTime() - MAIL_WINDOW_MS);
  const tenants = await inScopedTransaction(orm.em, {}, (em) => tenantsWithUnsentNotifications(em, since));
  let sent = 0;
  for (const tenantId of tenants) {
    const settings = { tenantId, staff: true, now };
    const pending = await inScopedTransaction(orm.em, settings, (em) =>
      em.find(Notification, { emailedAt: null, createdAt: { $gte: since } }, { fields: ['id'], orderBy: { createdAt: 'asc' } }),
    );
    for (const { id } of pending) {
      await inScopedTransaction(orm.em, settings, async (em) => {
        const notification = await em.findOne(Notification, { id }, { populate: ['tenant', 'organisation'] });
        // Gone since it was listed (its tenant or person deleted meanwhile): nothing to send.
        if (!notification) return;
        // Not while the person is hidden from the partner: it may go out later in the window, once shown.
        if (!(await mayStillTell(em, tenantId, notification, now))) return;
        const members = await em.find(Membership, { organisation: notification.organisation, active: true }, { populate: ['user'] });
        for (const locale of new Set(members.map((m) => localeOf(m.user.locale)))) {
          const text = translate(locale, `notification.${notification.kind}`, { name: notification.participantLabel });
          const tenant = notification.tenant.name;
          await transport.sendMail({
            from: config.SMTP_FROM,
            // Each member sees only their own address.
            bcc: members.filter((m) => localeOf(m.user.locale) === locale).map((m) => m.user.email),
            subject: translate(locale, 'mail.subject', { tenant, text }),
            text: translate(locale, 'mail.body', { text, tenant, url: config.PUBLIC_URL ?? '' }),
          });
        }
        notification.emailedAt = now;
        await em.flush();
        sent++;
      });
    }
  }
  return sent;
}
