import { describe, expect, it } from 'vitest';
import { freeSlots, isoWeekday, officeHoursProblems, officeHoursSlots, parisWallTime, withheldRate, type WeeklyOfficeHours } from './office-hours';

// Tuesdays 9:00–12:00, 45-minute appointments, from Tuesday 3 March 2026 to Tuesday 31 March 2026.
const tuesdays: WeeklyOfficeHours = { weekday: 2, startMinute: 9 * 60, endMinute: 12 * 60, slotMinutes: 45, validFrom: '2026-03-03', validUntil: '2026-03-31' };

describe('office hours slots', () => {
  it('gives whole appointments only, in Paris wall time across the clock change', () => {
    const slots = officeHoursSlots(tuesdays, '2026-03-23', '2026-04-05', new Set());
    // Two Tuesdays (24 and 31 March), four 45-minute slots each (the last ends at 12:00).
    expect(slots.map((s) => `${s.day} ${s.startMinute}`)).toEqual([
      '2026-03-24 540',
      '2026-03-24 585',
      '2026-03-24 630',
      '2026-03-24 675',
      '2026-03-31 540',
      '2026-03-31 585',
      '2026-03-31 630',
      '2026-03-31 675',
    ]);
    // 24 March is winter time (UTC+1), 31 March summer time (UTC+2): 9:00 in Paris either way.
    expect(slots[0]!.startsAt.toISOString()).toBe('2026-03-24T08:00:00.000Z');
    expect(slots[4]!.startsAt.toISOString()).toBe('2026-03-31T07:00:00.000Z');
    expect(slots[3]!.endsAt.toISOString()).toBe('2026-03-24T11:00:00.000Z');
  });

  it('leaves out closed days and days outside the validity', () => {
    const days = new Set(officeHoursSlots(tuesdays, '2026-02-01', '2026-04-30', new Set(['2026-03-10'])).map((s) => s.day));
    expect([...days]).toEqual(['2026-03-03', '2026-03-17', '2026-03-24', '2026-03-31']);
  });

  it('keeps only future slots overlapping nothing in the agenda', () => {
    const slots = officeHoursSlots(tuesdays, '2026-03-24', '2026-03-24', new Set());
    const busy = [{ startsAt: new Date('2026-03-24T08:30:00Z'), endsAt: new Date('2026-03-24T08:50:00Z') }];
    const free = freeSlots(slots, busy, new Date('2026-03-24T08:10:00Z'));
    // 9:00 has started, 9:45 overlaps 9:30–9:50: 10:30 and 11:15 remain.
    expect(free.map((s) => s.startMinute)).toEqual([630, 675]);
  });

  it('reads ISO weekdays and Paris time', () => {
    expect(isoWeekday('2026-03-01')).toBe(7);
    expect(isoWeekday('2026-03-02')).toBe(1);
    expect(parisWallTime('2026-07-14', 14 * 60).toISOString()).toBe('2026-07-14T12:00:00.000Z');
  });

  it('names every problem of office hours as typed', () => {
    expect(officeHoursProblems(tuesdays)).toEqual({});
    expect(officeHoursProblems({ ...tuesdays, weekday: 8, startMinute: 6 * 60, endMinute: 5 * 60, slotMinutes: 7, validUntil: '2026-01-01' })).toEqual({
      weekday: 'WEEKDAY',
      startMinute: 'OUTSIDE_DAY',
      endMinute: 'END_BEFORE_START',
      slotMinutes: 'SLOT_LENGTH',
      validUntil: 'END_BEFORE_START',
    });
    expect(officeHoursProblems({ ...tuesdays, endMinute: 9 * 60 + 30, slotMinutes: 45 })).toEqual({ slotMinutes: 'LONGER_THAN_HOURS' });
  });

  it('gives no rate when a count is withheld', () => {
    expect(withheldRate(2, 8)).toBe(25);
    expect(withheldRate(null, 8)).toBeNull();
    expect(withheldRate(0, 0)).toBeNull();
  });
});
