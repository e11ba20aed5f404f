import type { MikroORM } from '@mikro-orm/postgresql';
import type { Transporter } from 'nodemailer';
import { AppointmentStatus, dateInWords } from '@jalon/domain';
import type { Config } from '../../config';
import { inScopedTransaction } from '../../access/request-transaction';
import { translate } from '../../i18n/messages';
import { Appointment } from '../appointments/appointment.entity';
import { tenantsWithDueReminders } from './office-hours.query';

/** A resident is reminded the day before: bookings starting within this window are due. */
export const REMINDER_AHEAD_MS = 24 * 3_600_000;

/**
 * Emails each resident booked in office hours, when the referral gives an address, a reminder of
 * her appointment once it starts within a day, then marks it sent (a transaction per booking, so
 * one failure does not resend the others). A booking without an address is marked too: there is
 * no one to write to. Returns how many reminders went out.
 */
export async function sendOfficeHoursReminders(orm: MikroORM, transport: Transporter, config: Config, now: Date): Promise<number> {
  const until = new Date(now.getTime() + REMINDER_AHEAD_MS);
  const tenants = await inScopedTransaction(orm.em, {}, (em) => tenantsWithDueReminders(em, now, until));
  let sent = 0;
  for (const tenantId of tenants) {
    const settings = { tenantId, staff: true, now };
    const due = { referral: { $ne: null }, reminderSentAt: null, status: AppointmentStatus.PLANNED, startsAt: { $gte: now, $lt: until } } as const;
    const pending = await inScopedTransaction(orm.em, settings, (em) => em.find(Appointment, due, { fields: ['id'] }));
    for (const { id } of pending) {
      await inScopedTransaction(orm.em, settings, async (em) => {
        const booking = await em.findOne(Appointment, { id, ...due }, { populate: ['referral', 'officeHours', 'referent.user', 'tenant'] });
        if (!booking) return;
        const email = booking.referral?.email;
        if (email) {
          const when = dateInWords('fr-FR', booking.startsAt, { timeZone: 'Europe/Paris', dateStyle: 'full', timeStyle: 'short' });
          await transport.sendMail({
            from: config.SMTP_FROM,
            to: email,
            subject: translate('fr', 'officeHours.reminderSubject', { when }),
            text: translate('fr', 'officeHours.reminderBody', {
              name: booking.referral!.firstName,
              when,
              referent: booking.referent.user.displayName,
              address: booking.officeHours?.address ?? '',
              tenant: booking.tenant.name,
            }),
          });
          sent++;
        }
        booking.reminderSentAt = now;
        await em.flush();
      });
    }
  }
  return sent;
}
