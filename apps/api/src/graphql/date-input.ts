import type { RequestContext } from '../context/request-context';
import { dayOutside, firstDayOf, frenchDay, isReportPeriod, type DayBounds } from '@jalon/domain';
import type { MessageKey } from '../i18n/messages';
import { errors, type InputProblems } from './errors';

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/**
 * Today in France, as YYYY-MM-DD: the PLIE's working day, whatever the server's time zone. `now` is
 * the request's clock (ctx.now), so that a whole request, and a test that sets the clock, agree.
 */
export function todayInFrance(now: Date): string {
  return dayInFrance(now);
}

/** The calendar day an instant falls on in France, as YYYY-MM-DD. */
export function dayInFrance(instant: Date): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Paris', year: 'numeric', month: '2-digit', day: '2-digit' }).format(instant);
}

/** A calendar date typed by a person: a real day (no 31 February), as YYYY-MM-DD. */
export function requiredDate(ctx: RequestContext, field: string, value: string | null | undefined): string {
  const match = ISO_DATE.exec(value?.trim() ?? '');
  if (!match) throw errors.badInput(ctx, field, value?.trim() ? 'error.dateInvalid' : 'error.required');
  const [, y, m, d] = match.map(Number) as [number, number, number, number];
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) throw errors.badInput(ctx, field, 'error.dateInvalid');
  return value!.trim();
}

export function optionalDate(ctx: RequestContext, field: string, value: string | null | undefined): string | null {
  return value?.trim() ? requiredDate(ctx, field, value) : null;
}

export function notInFuture(ctx: RequestContext, field: string, date: string): string {
  if (date > todayInFrance(ctx.now)) throw errors.badInput(ctx, field, 'error.dateInFuture');
  return date;
}

/**
 * Adds a problem when a day is outside its plausible bounds (packages/domain plausible-dates.ts),
 * naming the limit: « Cette date doit être au plus tard le 31/12/2031 ».
 */
export function checkDayWithin(
  problems: InputProblems,
  field: string,
  day: string | null | undefined,
  bounds: DayBounds,
  tooEarly: MessageKey = 'error.dateTooEarly',
): void {
  const outside = day ? dayOutside(day, bounds) : null;
  if (outside === 'TOO_EARLY') problems.add(field, tooEarly, { date: frenchDay(bounds.earliest!) });
  if (outside === 'TOO_LATE') problems.add(field, 'error.dateTooLate', { date: frenchDay(bounds.latest!) });
}

/** A reporting month, 'YYYY-MM', not in the future. */
export function reportPeriod(ctx: RequestContext, field: string, value: string): string {
  if (!isReportPeriod(value)) throw errors.badInput(ctx, field, 'error.periodInvalid');
  notInFuture(ctx, field, firstDayOf(value));
  return value;
}

/** Whole years between two YYYY-MM-DD dates. */
export function yearsBetween(from: string, to: string): number {
  const years = Number(to.slice(0, 4)) - Number(from.slice(0, 4));
  return to.slice(5) < from.slice(5) ? years - 1 : years;
}

/** The instant a calendar day (plus `days`) starts in France, whatever the server's time zone. */
export function startOfDayInFrance(date: string, days = 0): Date {
  const day = new Date(`${date}T00:00:00Z`);
  day.setUTCDate(day.getUTCDate() + days);
  // Paris is UTC+1 or UTC+2: read the offset in force around that midnight.
  const offset = new Intl.DateTimeFormat('en-US', { timeZone: 'Europe/Paris', timeZoneName: 'longOffset' })
    .formatToParts(day)
    .find((part) => part.type === 'timeZoneName')!
    .value.match(/([+-])(\d{2}):(\d{2})/);
  const minutes = offset ? (offset[1] === '-' ? -1 : 1) * (Number(offset[2]) * 60 + Number(offset[3])) : 0;
  return new Date(day.getTime() - minutes * 60_000);
}
