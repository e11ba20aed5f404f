import { describe, expect, it } from 'vitest';
import { daysInclusive, maxHoursBetween, roundHours } from './social-clause';

describe('social clause arithmetic', () => {
  it('counts both days of a span, across a month and a leap day', () => {
    expect(daysInclusive('2026-03-02', '2026-03-02')).toBe(1);
    expect(daysInclusive('2026-03-25', '2026-04-03')).toBe(10);
    expect(daysInclusive('2028-02-28', '2028-03-01')).toBe(3);
  });

  it('allows 10 hours a day at most, none for a span that ends before it starts', () => {
    expect(maxHoursBetween('2026-10-05', '2026-10-09')).toBe(50);
    expect(maxHoursBetween('2026-10-09', '2026-10-05')).toBe(0);
  });

  it('keeps hours to the hundredth', () => {
    expect(roundHours(7.499)).toBe(7.5);
    expect(roundHours(0.1 + 0.2)).toBe(0.3);
  });
});
