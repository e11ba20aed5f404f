import { addMonths } from '@jalon/domain';

/**
 * What the partners' monthly screens share (the employer's contract reports, the training
 * operator's attendance): the months offered, hours as typed, and the API's messages about one row
 * of a batch (`<list>.<index>.<field>`) put back on that row.
 */

/** A row's messages: on one of its fields, or on the row itself. */
export type RowErrors<TField extends string> = Partial<Record<TField | 'row', string>>;

/** Hours as typed in France (« 12,5 ») or not; null when empty, NaN when not a number of hours. */
export function parseHours(text: string): number | null {
  const trimmed = text.trim().replace(',', '.');
  if (trimmed === '') return null;
  return /^\d+(\.\d+)?$/.test(trimmed) ? Number(trimmed) : Number.NaN;
}

/** YYYY-MM of a YYYY-MM-DD day, moved by some months. */
export function periodOf(day: string, months = 0): string {
  return addMonths(`${day.slice(0, 7)}-01`, months).slice(0, 7);
}

/** The months a partner may report on from here: this month and the year before it, latest first. */
export function recentPeriods(today: string, count = 13): string[] {
  return Array.from({ length: count }, (_, i) => periodOf(today, -i));
}

/**
 * `entries.3.hoursAttended` (list `entries`) → row 3, field hoursAttended; a field shown under another
 * one of the row (`grouped`: the skills of a contract report are in its details) there; any other on the row.
 */
export function rowErrorOf<TField extends string>(
  field: string | null,
  list: string,
  fields: readonly TField[],
  grouped: Partial<Record<string, TField>> = {},
): { index: number; field: TField | 'row' } | null {
  const match = field?.match(/^([A-Za-z]+)\.(\d+)\.([A-Za-z]+)/);
  if (!match || match[1] !== list) return null;
  const name = match[3]!;
  const rowField = (fields as readonly string[]).includes(name) ? (name as TField) : (grouped[name] ?? 'row');
  return { index: Number(match[2]), field: rowField };
}
