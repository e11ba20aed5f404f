import { describe, expect, it } from 'vitest';
import { appointmentDayBounds, meetingDayBounds } from '@jalon/domain';
import { dayOutsideMessage, hoursLater, nextSlotInParis } from './plausible-days';

const t = (key: string, params: Record<string, string>) => `${key} ${params.date}`;

describe('plausible days in forms', () => {
  it('name the limit a day falls out of, as the API does', () => {
    expect(dayOutsideMessage('2020-01-01', meetingDayBounds('2026-11-27'), t)).toBe('app.dateTooEarly 27/11/2026');
    expect(dayOutsideMessage('2999-12-31', appointmentDayBounds('2026-11-27'), t)).toBe('app.dateTooLate 31/12/2028');
    expect(dayOutsideMessage('2026-12-03', meetingDayBounds('2026-11-27'), t)).toBeNull();
  });

  it('propose the next working hour in France, whatever the browser’s zone', () => {
    // Friday 27 November 2026, 10:20 in Paris (09:20 UTC).
    expect(nextSlotInParis(new Date('2026-11-27T09:20:00Z'))).toEqual({ day: '2026-11-27', time: '11:00' });
    // Friday 18:30 in Paris: Monday 09:00.
    expect(nextSlotInParis(new Date('2026-11-27T17:30:00Z'))).toEqual({ day: '2026-11-30', time: '09:00' });
    expect(hoursLater('16:00', 2)).toBe('18:00');
  });
});
