import { addDays } from './calendar-date';

/** Why an office-hours day is off: a public holiday, or the referent cancelling that one date. */
export enum OfficeHoursClosureReason {
  HOLIDAY = 'HOLIDAY',
  CANCELLED = 'CANCELLED',
}

/** A referent's weekly office hours (« permanence »), in Paris wall time. */
export interface WeeklyOfficeHours {
  /** ISO weekday: 1 Monday … 7 Sunday. */
  weekday: number;
  /** Minutes after midnight, Paris wall time. */
  startMinute: number;
  endMinute: number;
  /** Length of one appointment, in minutes. */
  slotMinutes: number;
  /** First day held, YYYY-MM-DD; last day held or null (open-ended). */
  validFrom: string;
  validUntil?: string | null;
}

/** One bookable slot: its day and start in Paris wall time, and its instants. */
export interface OfficeHoursSlot {
  day: string;
  startMinute: number;
  startsAt: Date;
  endsAt: Date;
}

export const OFFICE_HOURS_EARLIEST_MINUTE = 7 * 60;
export const OFFICE_HOURS_LATEST_MINUTE = 21 * 60;
export const OFFICE_HOURS_SLOT_MINUTES = [15, 20, 30, 45, 60, 90] as const;
/** How far ahead a commune may book. */
export const OFFICE_HOURS_BOOKING_DAYS = 90;

/** What is wrong with weekly office hours as typed, by field (empty: fine). */
export function officeHoursProblems(hours: WeeklyOfficeHours): Partial<Record<'weekday' | 'startMinute' | 'endMinute' | 'slotMinutes' | 'validUntil', string>> {
  const problems: Partial<Record<'weekday' | 'startMinute' | 'endMinute' | 'slotMinutes' | 'validUntil', string>> = {};
  if (!Number.isInteger(hours.weekday) || hours.weekday < 1 || hours.weekday > 7) problems.weekday = 'WEEKDAY';
  if (!Number.isInteger(hours.startMinute) || hours.startMinute < OFFICE_HOURS_EARLIEST_MINUTE || hours.startMinute >= OFFICE_HOURS_LATEST_MINUTE)
    problems.startMinute = 'OUTSIDE_DAY';
  if (!Number.isInteger(hours.endMinute) || hours.endMinute > OFFICE_HOURS_LATEST_MINUTE || hours.endMinute <= hours.startMinute)
    problems.endMinute = 'END_BEFORE_START';
  if (!(OFFICE_HOURS_SLOT_MINUTES as readonly number[]).includes(hours.slotMinutes)) problems.slotMinutes = 'SLOT_LENGTH';
  else if (!problems.endMinute && !problems.startMinute && hours.endMinute - hours.startMinute < hours.slotMinutes) problems.slotMinutes = 'LONGER_THAN_HOURS';
  if (hours.validUntil && hours.validUntil < hours.validFrom) problems.validUntil = 'END_BEFORE_START';
  return problems;
}

/** ISO weekday (1 Monday … 7 Sunday) of a YYYY-MM-DD day. */
export function isoWeekday(day: string): number {
  const weekday = new Date(`${day}T00:00:00Z`).getUTCDay();
  return weekday === 0 ? 7 : weekday;
}

/** Minutes Paris is ahead of UTC at an instant (60 in winter, 120 in summer). */
function parisOffsetMinutes(instant: Date): number {
  const name = new Intl.DateTimeFormat('en-US', { timeZone: 'Europe/Paris', timeZoneName: 'longOffset' })
    .formatToParts(instant)
    .find((part) => part.type === 'timeZoneName')!.value;
  const match = /([+-])(\d{2}):(\d{2})/.exec(name);
  return match ? (match[1] === '-' ? -1 : 1) * (Number(match[2]) * 60 + Number(match[3])) : 0;
}

/**
 * The instant of a Paris wall-clock time on a day. Office hours are held from 7:00 to 21:00, never
 * in the night hour a clock change skips or repeats, so the offset read at that time is the one.
 */
export function parisWallTime(day: string, minute: number): Date {
  const naive = new Date(`${day}T00:00:00Z`).getTime() + minute * 60_000;
  return new Date(naive - parisOffsetMinutes(new Date(naive)) * 60_000);
}

/** The days between `from` and `to` (inclusive) the office hours are held: their weekday, within their validity, not closed. */
export function officeHoursDays(hours: WeeklyOfficeHours, from: string, to: string, closedDays: ReadonlySet<string>): string[] {
  const first = from > hours.validFrom ? from : hours.validFrom;
  const last = hours.validUntil && hours.validUntil < to ? hours.validUntil : to;
  const days: string[] = [];
  if (first > last) return days;
  let day = addDays(first, (hours.weekday - isoWeekday(first) + 7) % 7);
  for (; day <= last; day = addDays(day, 7)) if (!closedDays.has(day)) days.push(day);
  return days;
}

/** Every slot of the office hours between two days (inclusive), closures left out: whole appointments only. */
export function officeHoursSlots(hours: WeeklyOfficeHours, from: string, to: string, closedDays: ReadonlySet<string>): OfficeHoursSlot[] {
  const slots: OfficeHoursSlot[] = [];
  for (const day of officeHoursDays(hours, from, to, closedDays))
    for (let minute = hours.startMinute; minute + hours.slotMinutes <= hours.endMinute; minute += hours.slotMinutes)
      slots.push({ day, startMinute: minute, startsAt: parisWallTime(day, minute), endsAt: parisWallTime(day, minute + hours.slotMinutes) });
  return slots;
}

/** The slots still free: not started yet, and overlapping nothing already in the referent's agenda. */
export function freeSlots(slots: readonly OfficeHoursSlot[], busy: ReadonlyArray<{ startsAt: Date; endsAt: Date }>, now: Date): OfficeHoursSlot[] {
  return slots.filter((slot) => slot.startsAt > now && !busy.some((b) => b.startsAt < slot.endsAt && b.endsAt > slot.startsAt));
}

/** A share in percent, or null when a count behind it is withheld or there is nothing to divide. */
export function withheldRate(part: number | null, whole: number | null): number | null {
  if (part === null || whole === null || whole === 0) return null;
  return Math.round((part / whole) * 1000) / 10;
}
