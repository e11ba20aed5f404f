/** Minutes after midnight as « 9:30 », and back (null: not a time of day). */
export function minutesToTime(minutes: number): string {
  return `${Math.floor(minutes / 60)}:${String(minutes % 60).padStart(2, '0')}`;
}

export function timeToMinutes(time: string): number | null {
  const match = /^(\d{1,2})[:hH](\d{2})?$/.exec(time.trim());
  if (!match) return null;
  const hours = Number(match[1]);
  const minutes = Number(match[2] ?? 0);
  return hours < 24 && minutes < 60 ? hours * 60 + minutes : null;
}

/** When weekly office hours are held, as their titles name it: `weekday` (its ISO number named by `dayName`: « mardi »), `start` and `end`. */
export function weeklySpan(
  hours: { weekday: number; startMinute: number; endMinute: number },
  dayName: (weekday: number) => string,
): { weekday: string; start: string; end: string } {
  return { weekday: dayName(hours.weekday), start: minutesToTime(hours.startMinute), end: minutesToTime(hours.endMinute) };
}
