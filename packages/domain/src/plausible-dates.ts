import { addDays } from './calendar-date';

/*
 * Plausibility of the dates people type, shared by the API (which refuses) and the portal (which
 * bounds its date pickers and proposes valid defaults). A date outside these bounds is a typo
 * (01/01/1900, 31/12/2999), not a plan. Calendar days are 'YYYY-MM-DD' strings; `today` is the
 * day in France.
 */

/** The youngest a person enters a PLIE pathway: nothing of it happens before her 16th birthday. */
export const PATHWAY_MINIMUM_AGE = 16;
/** A pathway's days (stages, contracts, consents) run at most this many years ahead, to the end of that year. */
export const PATHWAY_YEARS_AHEAD = 5;
/** Meetings and appointments are planned at most this many years ahead, to the end of that year. */
export const PLANNING_YEARS_AHEAD = 2;
/** A past appointment is recorded (as held) at most this many days after it took place. */
export const APPOINTMENT_RECORDED_DAYS_BACK = 365;
/** A start a few minutes ago is still "now": the form took time to fill in. */
export const PLANNING_GRACE_MINUTES = 15;

/** The earliest and latest acceptable day of a date (either may be open). */
export interface DayBounds {
  earliest: string | null;
  latest: string | null;
}

export type DayProblem = 'TOO_EARLY' | 'TOO_LATE';

/** Whether a day is within its bounds, and on which side it falls out. */
export function dayOutside(day: string, bounds: DayBounds): DayProblem | null {
  if (bounds.earliest && day < bounds.earliest) return 'TOO_EARLY';
  if (bounds.latest && day > bounds.latest) return 'TOO_LATE';
  return null;
}

/** The day someone born on `birthDate` turns `years` (29 February falls on 1 March in common years). */
export function birthdayAt(birthDate: string, years: number): string {
  const [y, m, d] = birthDate.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y + years, m - 1, d)).toISOString().slice(0, 10);
}

/** 31 December, `years` years after today's year. */
export function endOfYearAhead(today: string, years: number): string {
  return `${Number(today.slice(0, 4)) + years}-12-31`;
}

/** The days of a pathway (its stages, contracts, consents): from the person's 16th birthday to the end of the fifth year ahead. */
export function pathwayDayBounds(birthDate: string | null, today: string): DayBounds {
  return { earliest: birthDate ? birthdayAt(birthDate, PATHWAY_MINIMUM_AGE) : null, latest: endOfYearAhead(today, PATHWAY_YEARS_AHEAD) };
}

/** The last day a meeting or an appointment may be planned on. */
export function latestPlannedDay(today: string): string {
  return endOfYearAhead(today, PLANNING_YEARS_AHEAD);
}

/** A meeting is planned from today on (a few minutes ago still counts as now). */
export function isPastStart(startsAt: Date, now: Date): boolean {
  return startsAt.getTime() < now.getTime() - PLANNING_GRACE_MINUTES * 60_000;
}

/** An appointment's days: a past one may be recorded up to a year back, a future one planned up to two years ahead. */
export function appointmentDayBounds(today: string): DayBounds {
  return { earliest: addDays(today, -APPOINTMENT_RECORDED_DAYS_BACK), latest: latestPlannedDay(today) };
}

/** A meeting's days: from today to two years ahead. */
export function meetingDayBounds(today: string): DayBounds {
  return { earliest: today, latest: latestPlannedDay(today) };
}

/** Working hours in which a dialog proposes a slot: 09:00 to 17:00 (the last slot ends at 18:00). */
const FIRST_SLOT_HOUR = 9;
const LAST_SLOT_HOUR = 17;

/**
 * The slot a booking dialog proposes, as a day and a time on the wall clock of France: the next
 * full hour of today's working hours, else 09:00 on the next working day (Monday after a weekend).
 * A default that is already past would book a past appointment.
 */
export function nextAppointmentSlot(today: string, time: string): { day: string; time: string } {
  const hour = Number(time.slice(0, 2)) + 1;
  if (isWorkingDay(today) && hour <= LAST_SLOT_HOUR) return { day: today, time: `${String(Math.max(hour, FIRST_SLOT_HOUR)).padStart(2, '0')}:00` };
  let day = addDays(today, 1);
  while (!isWorkingDay(day)) day = addDays(day, 1);
  return { day, time: `0${FIRST_SLOT_HOUR}:00` };
}

function isWorkingDay(day: string): boolean {
  const weekday = new Date(`${day}T00:00:00Z`).getUTCDay();
  return weekday !== 0 && weekday !== 6;
}

/** DD/MM/YYYY, as limits are named in messages (« au plus tard le 31/12/2031 »). */
export function frenchDay(day: string): string {
  return `${day.slice(8, 10)}/${day.slice(5, 7)}/${day.slice(0, 4)}`;
}
