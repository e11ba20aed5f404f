import { describe, expect, it } from 'vitest';
import { ACTIVE_CASELOAD_STATUSES, DEFAULT_CASELOAD_TARGET, isValidCaseloadTarget } from './monitoring';
import { PathwayStatus } from './pathway-status';

describe('referent monitoring', () => {
  it('accepts a whole number of people from 1 to 200 as a caseload target, 70 by default', () => {
    expect(isValidCaseloadTarget(DEFAULT_CASELOAD_TARGET)).toBe(true);
    expect([1, 200].map(isValidCaseloadTarget)).toEqual([true, true]);
    expect([0, 201, 70.5, Number.NaN, -3].map(isValidCaseloadTarget)).toEqual([false, false, false, false, false]);
  });

  it('counts in the active caseload the people accompanied now, not the in-job follow-up nor closed files', () => {
    expect(ACTIVE_CASELOAD_STATUSES).toEqual([PathwayStatus.PENDING_ACCREDITATION, PathwayStatus.ACTIVE, PathwayStatus.SUSPENDED]);
  });
});
