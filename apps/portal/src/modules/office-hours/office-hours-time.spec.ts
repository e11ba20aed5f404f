import { describe, expect, it } from 'vitest';
import { minutesToTime, timeToMinutes, weeklySpan } from './office-hours-time';

describe('office hours times', () => {
  it('says minutes after midnight as a time of day, and reads one back', () => {
    expect(minutesToTime(570)).toBe('9:30');
    expect(timeToMinutes('9h30')).toBe(570);
    expect(timeToMinutes('24:00')).toBeNull();
  });

  it('names when weekly hours are held, the day by its name', () => {
    const days = ['', 'lundi', 'mardi'];
    expect(weeklySpan({ weekday: 2, startMinute: 540, endMinute: 750 }, (d) => days[d]!)).toEqual({ weekday: 'mardi', start: '9:00', end: '12:30' });
  });
});
