/**
 * Calendar arithmetic on 'YYYY-MM-DD' strings (no time zone involved). Adding months keeps the
 * day when the target month has it, else takes the month's last day (31 Jan + 1 month = 28/29 Feb).
 */
export function addMonths(date: string, months: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const target = new Date(Date.UTC(y, m - 1 + months, 1));
  const lastDay = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(d, lastDay));
  return target.toISOString().slice(0, 10);
}

export function addDays(date: string, days: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
}

/**
 * A date in words as the language writes it: French writes the first of a month « 1er »
 * (« 1er septembre 2026 », « mardi 1er décembre »), which Intl leaves as « 1 ».
 */
export function dateInWords(locale: string, date: Date, options: Intl.DateTimeFormatOptions): string {
  const parts = new Intl.DateTimeFormat(locale, options).formatToParts(date);
  const french = locale.startsWith('fr');
  return parts.map((part) => (french && part.type === 'day' && part.value === '1' ? '1er' : part.value)).join('');
}
