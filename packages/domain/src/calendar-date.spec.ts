import { describe, expect, it } from 'vitest';
import { addMonths } from './calendar-date';

describe('addMonths', () => {
  it('gives the follow-up check-in days after an exit', () => {
    expect(addMonths('2026-06-30', 1)).toBe('2026-07-30');
    expect(addMonths('2026-06-30', 3)).toBe('2026-09-30');
    expect(addMonths('2026-06-30', 6)).toBe('2026-12-30');
  });
  it('keeps to the end of shorter months and crosses years', () => {
    expect(addMonths('2026-01-31', 1)).toBe('2026-02-28');
    expect(addMonths('2028-01-31', 1)).toBe('2028-02-29');
    expect(addMonths('2026-08-31', 6)).toBe('2027-02-28');
  });
});
