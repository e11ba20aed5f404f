import { describe, expect, it } from 'vitest';
import { isReportPeriod, lastDayOf, maxHoursInPeriod, periodWithin, reportDueOn } from './assisted-contract';

describe('assisted contract reporting periods', () => {
  it('a period is a calendar month; its report is due by the 10th of the next', () => {
    expect(isReportPeriod('2026-11')).toBe(true);
    expect(isReportPeriod('2026-13')).toBe(false);
    expect(isReportPeriod('2026-1')).toBe(false);
    expect(lastDayOf('2028-02')).toBe('2028-02-29');
    expect(lastDayOf('2026-12')).toBe('2026-12-31');
    expect(reportDueOn('2026-12')).toBe('2027-01-10');
  });

  it('a month counts when any of its days falls within the contract', () => {
    expect(periodWithin('2026-09', '2026-09-30', '2027-02-28')).toBe(true);
    expect(periodWithin('2026-08', '2026-09-01', '2027-02-28')).toBe(false);
    expect(periodWithin('2027-03', '2026-09-01', '2027-02-28')).toBe(false);
    expect(periodWithin('2030-01', '2026-09-01', null)).toBe(true);
  });

  it('allows the weekly hours for each day of the month the contract covers', () => {
    // 26 h a week over all of November (30 days): 26 × 30 / 7 = 111.4 → 111.5.
    expect(maxHoursInPeriod('2026-11', 26, '2026-09-01', '2027-02-28')).toBe(111.5);
    // Starting on 16 November: 15 days.
    expect(maxHoursInPeriod('2026-11', 35, '2026-11-16', null)).toBe(75);
    expect(maxHoursInPeriod('2026-08', 35, '2026-09-01', null)).toBe(0);
  });
});
