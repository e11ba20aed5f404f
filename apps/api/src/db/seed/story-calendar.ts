import { addDays, addMonths, dateInWords } from '@jalon/domain';

/** The month the demo's named story (demo-data.ts, demo-clauses.ts) is told as of. */
const TOLD_IN = { year: 2026, month: 12 };

/** The days of the demo's named story, as of the day the demo is loaded. */
export interface StoryCalendar {
  /** A day of the story ('YYYY-MM-DD'), or an instant ('YYYY-MM-DDTHH:MM:SSZ'), moved on. */
  day(written: string): string;
  /** A month of the story ('YYYY-MM'), moved on. */
  month(written: string): string;
  /** The moved day's month, as said in French: « janvier ». */
  monthName(written: string): string;
  /** The moved day, as said in French without its year: « 31 décembre ». */
  dayAndMonth(written: string): string;
}

/**
 * The named story tells of people met in the spring, contracts ending at the year's end and a
 * training starting in January, as of December 2026. Loaded later, each of its days moves on by
 * the whole months passed since, so what it tells as ahead is still ahead and what it tells as
 * recent still is: every demo login keeps work to do. A day keeps its place in its month, and the
 * last day of a month stays the last (31 December, two months on, is 28 February).
 */
export function storyCalendar(today: string): StoryCalendar {
  const [year, month] = today.split('-').map(Number) as [number, number];
  const months = (year - TOLD_IN.year) * 12 + (month - TOLD_IN.month);
  const moved = (day: string): string => {
    const next = addDays(day, 1);
    return next.endsWith('-01') ? addDays(addMonths(next, months), -1) : addMonths(day, months);
  };
  const day = (written: string) => moved(written.slice(0, 10)) + written.slice(10);
  const inWords = (written: string, options: Intl.DateTimeFormatOptions) =>
    dateInWords('fr-FR', new Date(`${day(written.slice(0, 10))}T12:00:00Z`), { ...options, timeZone: 'UTC' });
  return {
    day,
    month: (written) => moved(`${written}-01`).slice(0, 7),
    monthName: (written) => inWords(written, { month: 'long' }),
    dayAndMonth: (written) => inWords(written, { day: 'numeric', month: 'long' }),
  };
}
