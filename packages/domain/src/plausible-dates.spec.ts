import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  appointmentDayBounds,
  birthdayAt,
  dayOutside,
  frenchDay,
  isPastStart,
  meetingDayBounds,
  nextAppointmentSlot,
  pathwayDayBounds,
} from './plausible-dates';

describe('stage days', () => {
  const bounds = pathwayDayBounds('1992-03-03', '2026-11-27');

  it('run from the person’s 16th birthday to the end of the fifth year ahead', () => {
    expect(bounds).toEqual({ earliest: '2008-03-03', latest: '2031-12-31' });
  });

  it('refuse 01/01/1900 and 31/12/2999, and accept the pathway’s own days', () => {
    expect(dayOutside('1900-01-01', bounds)).toBe('TOO_EARLY');
    expect(dayOutside('2999-12-31', bounds)).toBe('TOO_LATE');
    expect(dayOutside('2008-03-03', bounds)).toBeNull();
    expect(dayOutside('2031-12-31', bounds)).toBeNull();
    expect(dayOutside('2027-01-04', bounds)).toBeNull();
  });

  it('take 1 March as the birthday of someone born on 29 February, in common years', () => {
    expect(birthdayAt('2008-02-29', 16)).toBe('2024-02-29');
    expect(birthdayAt('2008-02-29', 17)).toBe('2025-03-01');
  });
});

describe('meetings and appointments', () => {
  const now = new Date('2026-11-27T10:00:00Z');

  it('a meeting is planned from today to the end of the second year ahead', () => {
    expect(meetingDayBounds('2026-11-27')).toEqual({ earliest: '2026-11-27', latest: '2028-12-31' });
    expect(dayOutside('2020-01-01', meetingDayBounds('2026-11-27'))).toBe('TOO_EARLY');
  });

  it('an appointment is recorded up to a year back', () => {
    expect(appointmentDayBounds('2026-11-27')).toEqual({ earliest: '2025-11-27', latest: '2028-12-31' });
  });

  it('a start a few minutes ago is still now; earlier is past', () => {
    expect(isPastStart(new Date('2026-11-27T09:50:00Z'), now)).toBe(false);
    expect(isPastStart(new Date('2026-11-27T09:00:00Z'), now)).toBe(true);
    expect(isPastStart(new Date('2026-11-28T09:00:00Z'), now)).toBe(false);
  });

  it('names limits as people write them', () => {
    expect(frenchDay('2031-12-31')).toBe('31/12/2031');
  });
});

describe('the slot a booking dialog proposes', () => {
  it('is the next full hour of today’s working hours', () => {
    expect(nextAppointmentSlot('2026-11-27', '10:20')).toEqual({ day: '2026-11-27', time: '11:00' });
    expect(nextAppointmentSlot('2026-11-27', '07:10')).toEqual({ day: '2026-11-27', time: '09:00' });
  });

  it('moves to 09:00 on the next working day after hours, and over a weekend', () => {
    expect(nextAppointmentSlot('2026-11-26', '17:30')).toEqual({ day: '2026-11-27', time: '09:00' });
    expect(nextAppointmentSlot('2026-11-27', '18:00')).toEqual({ day: '2026-11-30', time: '09:00' });
    expect(nextAppointmentSlot('2026-11-28', '10:00')).toEqual({ day: '2026-11-30', time: '09:00' });
  });

  it('is never in the past, on a weekend or outside 09:00–17:00', () => {
    const day = fc
      .date({ min: new Date('2026-01-01T00:00:00Z'), max: new Date('2030-12-31T00:00:00Z'), noInvalidDate: true })
      .map((d) => d.toISOString().slice(0, 10));
    const time = fc
      .tuple(fc.integer({ min: 0, max: 23 }), fc.integer({ min: 0, max: 59 }))
      .map(([h, m]) => `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}`);
    fc.assert(
      fc.property(day, time, (today, now) => {
        const slot = nextAppointmentSlot(today, now);
        expect(`${slot.day}T${slot.time}` > `${today}T${now}`).toBe(true);
        expect([0, 6]).not.toContain(new Date(`${slot.day}T00:00:00Z`).getUTCDay());
        expect(slot.time >= '09:00' && slot.time <= '17:00').toBe(true);
      }),
      { numRuns: 200 },
    );
  });
});
