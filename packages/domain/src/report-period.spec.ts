import { describe, expect, it } from 'vitest';
import { calendarYear, daysIn, previousPeriod } from './report-period';

describe('the period a report compares with', () => {
  it('compares a calendar year with the year before, leap or not', () => {
    expect(previousPeriod(calendarYear(2025))).toEqual({ from: '2024-01-01', to: '2024-12-31' });
    expect(previousPeriod(calendarYear(2024))).toEqual({ from: '2023-01-01', to: '2023-12-31' });
  });

  it('compares whole months with as many months just before', () => {
    expect(previousPeriod({ from: '2025-03-01', to: '2025-05-31' })).toEqual({ from: '2024-12-01', to: '2025-02-28' });
  });

  it('compares any other range with as many days, ending the day before', () => {
    const period = { from: '2025-03-10', to: '2025-03-19' };
    expect(previousPeriod(period)).toEqual({ from: '2025-02-28', to: '2025-03-09' });
    expect(daysIn(previousPeriod(period))).toBe(daysIn(period));
  });
});
