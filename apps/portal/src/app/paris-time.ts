import { addDays } from '@jalon/domain';
/**
 * Appointments are booked in France's time whatever the browser's zone: these helpers turn a day
 * and a time typed in Paris into an ISO instant with its offset, and back.
 */
const ZONE = 'Europe/Paris';

const partsFormat = new Intl.DateTimeFormat('en-GB', {
  timeZone: ZONE,
  hourCycle: 'h23',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
});

/** Paris wall-clock parts of an instant. */
function parisParts(instant: Date): { y: number; m: number; d: number; h: number; mi: number; s: number } {
  const get = (type: string) => Number(partsFormat.formatToParts(instant).find((p) => p.type === type)?.value);
  return { y: get('year'), m: get('month'), d: get('day'), h: get('hour'), mi: get('minute'), s: get('second') };
}

/** Minutes east of UTC in Paris at that instant (60 in winter, 120 in summer). */
function parisOffsetMinutes(instant: Date): number {
  const p = parisParts(instant);
  const asUtc = Date.UTC(p.y, p.m - 1, p.d, p.h, p.mi, p.s);
  return Math.round((asUtc - Math.floor(instant.getTime() / 1000) * 1000) / 60000);
}

const pad = (n: number) => String(n).padStart(2, '0');

/** "2026-11-27" + "09:30" in Paris → "2026-11-27T09:30:00+01:00". */
export function parisIso(day: string, time: string): string {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  const [h, mi] = time.split(':').map(Number) as [number, number];
  const guess = Date.UTC(y, m - 1, d, h, mi);
  let offset = parisOffsetMinutes(new Date(guess));
  offset = parisOffsetMinutes(new Date(guess - offset * 60000));
  const sign = offset >= 0 ? '+' : '-';
  const abs = Math.abs(offset);
  return `${day}T${pad(h)}:${pad(mi)}:00${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`;
}

/** The Paris day (YYYY-MM-DD) of an instant. */
export function parisDay(iso: string | Date): string {
  const p = parisParts(typeof iso === 'string' ? new Date(iso) : iso);
  return `${p.y}-${pad(p.m)}-${pad(p.d)}`;
}

/** The Paris time (HH:MM) of an instant. */
export function parisTime(iso: string): string {
  const p = parisParts(new Date(iso));
  return `${pad(p.h)}:${pad(p.mi)}`;
}

/** A calendar day moved by some days (no time zone involved): the domain's one calendar arithmetic. */
export { addDays };

/** The Monday of the week of a day. */
export function mondayOf(day: string): string {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  const weekday = new Date(Date.UTC(y, m - 1, d)).getUTCDay(); // 0 = Sunday
  return addDays(day, weekday === 0 ? -6 : 1 - weekday);
}
