import { addDays, addMonths } from './calendar-date';

/** A period of whole days, both ends included, as YYYY-MM-DD. */
export interface DateRange {
  from: string;
  to: string;
}

/** The calendar year, the default period of a report. */
export function calendarYear(year: number): DateRange {
  return { from: `${year}-01-01`, to: `${year}-12-31` };
}

function isFirstOfMonth(day: string): boolean {
  return day.endsWith('-01');
}

function isLastOfMonth(day: string): boolean {
  return isFirstOfMonth(addDays(day, 1));
}

/** Days in a period, both ends included. */
export function daysIn(period: DateRange): number {
  return Math.round((Date.parse(period.to) - Date.parse(period.from)) / 86_400_000) + 1;
}

/**
 * The period just before, of the same length, that each figure is compared with. Whole calendar
 * months compare with as many whole months (2025 with 2024, Q2 with Q1, whatever February's
 * length); any other range with as many days, ending the day before it starts.
 */
export function previousPeriod(period: DateRange): DateRange {
  const to = addDays(period.from, -1);
  if (isFirstOfMonth(period.from) && isLastOfMonth(period.to)) {
    const [fy, fm] = period.from.split('-').map(Number) as [number, number];
    const [ty, tm] = period.to.split('-').map(Number) as [number, number];
    const months = (ty - fy) * 12 + (tm - fm) + 1;
    return { from: addMonths(period.from, -months), to };
  }
  return { from: addDays(period.from, -daysIn(period)), to };
}
