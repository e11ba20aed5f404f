import { dayOutside, frenchDay, nextAppointmentSlot, type DayBounds } from '@jalon/domain';
import { parisDay, parisTime } from './paris-time';

/**
 * The domain's plausibility rules (packages/domain plausible-dates.ts) as forms use them: the same
 * bounds the API refuses with, checked before sending, and a default slot that is not already past.
 */

type Translate = (key: string, params: Record<string, string>) => string;

/** The message for a day outside its bounds, naming the limit (« au plus tard le 31/12/2028 »), or null. */
export function dayOutsideMessage(day: string, bounds: DayBounds, t: Translate): string | null {
  const outside = dayOutside(day, bounds);
  if (outside === 'TOO_EARLY') return t('app.dateTooEarly', { date: frenchDay(bounds.earliest!) });
  if (outside === 'TOO_LATE') return t('app.dateTooLate', { date: frenchDay(bounds.latest!) });
  return null;
}

/** The slot a booking form proposes now, in France's time: the next full working hour. */
export function nextSlotInParis(now = new Date()): { day: string; time: string } {
  return nextAppointmentSlot(parisDay(now), parisTime(now.toISOString()));
}

/** "09:00" plus some whole hours. */
export function hoursLater(time: string, hours: number): string {
  return `${String(Number(time.slice(0, 2)) + hours).padStart(2, '0')}${time.slice(2)}`;
}
