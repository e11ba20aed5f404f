import type { EntityManager } from '@mikro-orm/postgresql';
import { AppointmentStatus, addDays, officeHoursDays, parisWallTime } from '@jalon/domain';
import { getCommune } from '@jalon/reference-data/node';
import type { ICalCalendar } from 'ical-generator';
import type { RequestContext } from '../../context/request-context';
import { officeHoursReferent } from '../../access/office-hours-access';
import { dayInFrance } from '../../graphql/date-input';
import { translate, type Locale } from '../../i18n/messages';
import { Appointment } from '../appointments/appointment.entity';
import { OfficeHours, OfficeHoursClosure } from './office-hours.entity';

/** One day's office hours, as a calendar shows them. */
export interface OfficeHoursSession {
  id: string;
  startsAt: Date;
  endsAt: Date;
  communeCode: string;
  address: string;
  bookings: number;
}

/** The sessions of some office hours between two instants, days off left out, with how many live bookings each holds. */
async function sessionsOf(em: EntityManager, hours: OfficeHours[], from: Date, to: Date, countBookings: boolean): Promise<OfficeHoursSession[]> {
  if (hours.length === 0) return [];
  const closures = await em.find(OfficeHoursClosure, { officeHours: { $in: hours.map((h) => h.id) } });
  const bookings = countBookings
    ? await em.find(
        Appointment,
        { officeHours: { $in: hours.map((h) => h.id) }, status: { $ne: AppointmentStatus.CANCELLED }, startsAt: { $gte: from, $lt: to } },
        { fields: ['startsAt', 'officeHours'] },
      )
    : [];
  const sessions: OfficeHoursSession[] = [];
  for (const h of hours) {
    const closed = new Set(closures.filter((c) => c.officeHours.id === h.id).map((c) => c.day));
    for (const day of officeHoursDays(h, dayInFrance(from), dayInFrance(to), closed)) {
      const startsAt = parisWallTime(day, h.startMinute);
      const endsAt = parisWallTime(day, h.endMinute);
      const booked = bookings.filter((b) => b.officeHours?.id === h.id && b.startsAt >= startsAt && b.startsAt < endsAt).length;
      sessions.push({ id: `${h.id}-${day}`, startsAt, endsAt, communeCode: h.communeCode, address: h.address, bookings: booked });
    }
  }
  return sessions.sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime());
}

/** A referent's office hours sessions for her agenda's export (whose agenda: access/agenda-access.ts, as for the appointments). */
export async function agendaOfficeHoursSessions(ctx: RequestContext, from: Date, to: Date, referentId: string | null): Promise<OfficeHoursSession[]> {
  const referent = officeHoursReferent(ctx, referentId);
  if (!referent) return [];
  return sessionsOf(ctx.em, await ctx.em.find(OfficeHours, { referent }), from, to, false);
}

/** A commune's office hours sessions, from a month back to three months ahead, with its bookings counted (row-level security: its commune's hours, its own bookings). */
export async function communeOfficeHoursSessions(em: EntityManager, now: Date): Promise<OfficeHoursSession[]> {
  const today = dayInFrance(now);
  return sessionsOf(em, await em.find(OfficeHours, {}), parisWallTime(addDays(today, -31), 0), parisWallTime(addDays(today, 92), 0), true);
}

/** Adds the sessions to a calendar, named by commune and address; a commune's also say how many appointments it booked. */
export function addSessionEvents(calendar: ICalCalendar, sessions: OfficeHoursSession[], locale: Locale, withBookings: boolean): void {
  for (const s of sessions)
    calendar.createEvent({
      id: `office-hours-${s.id}`,
      start: s.startsAt,
      end: s.endsAt,
      summary: translate(locale, 'officeHours.icsSession', { commune: getCommune(s.communeCode)?.name ?? s.communeCode }),
      location: s.address,
      description: withBookings ? translate(locale, 'officeHours.icsBookings', { count: s.bookings }) : null,
    });
}
