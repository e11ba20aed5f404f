import { describe, expect, it } from 'vitest';
import { CaseloadAlert, caseloadAlerts } from './caseload-alert';
import { PathwayStatus } from './pathway-status';

const quiet = { status: PathwayStatus.ACTIVE, missingEsfFields: [], seenRecently: true, reviewOn: '2027-06-01', nextCheckInOn: null, today: '2026-11-27' };

describe('caseload alerts', () => {
  it('stay quiet for a followed person seen recently with everything up to date', () => {
    expect(caseloadAlerts(quiet)).toEqual([]);
  });
  it('flag a person not seen for 60 days, a review within 15 days, a check-in due, missing ESF+ data', () => {
    expect(caseloadAlerts({ ...quiet, seenRecently: false })).toEqual([CaseloadAlert.NO_RECENT_APPOINTMENT]);
    expect(caseloadAlerts({ ...quiet, reviewOn: '2026-12-12' })).toEqual([CaseloadAlert.CONTRACT_REVIEW_DUE]);
    expect(caseloadAlerts({ ...quiet, reviewOn: '2026-12-13' })).toEqual([]);
    expect(caseloadAlerts({ ...quiet, status: PathwayStatus.IN_JOB_FOLLOW_UP, seenRecently: false, nextCheckInOn: '2026-11-20' })).toEqual([
      CaseloadAlert.FOLLOW_UP_CHECK_IN_DUE,
    ]);
    expect(caseloadAlerts({ ...quiet, missingEsfFields: ['minority'] })).toEqual([CaseloadAlert.ESF_DATA_INCOMPLETE]);
  });
  it('say nothing about pathways that ended', () => {
    expect(caseloadAlerts({ ...quiet, status: PathwayStatus.CLOSED, seenRecently: false, missingEsfFields: ['minority'] })).toEqual([]);
  });
});
