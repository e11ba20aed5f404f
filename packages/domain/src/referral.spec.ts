import { describe, expect, it } from 'vitest';
import { PathwayStatus } from './pathway-status';
import { ReferralProgress, referralProgress, ReferralStatus } from './referral';

describe('what a referring partner sees become of its referral', () => {
  it('follows the decision, then the pathway of the person it referred', () => {
    expect(referralProgress(ReferralStatus.NEW, null)).toBe(ReferralProgress.RECEIVED);
    expect(referralProgress(ReferralStatus.POSTPONED, null)).toBe(ReferralProgress.POSTPONED);
    expect(referralProgress(ReferralStatus.REFUSED, null)).toBe(ReferralProgress.REFUSED);
    expect(referralProgress(ReferralStatus.ACCEPTED, PathwayStatus.ACTIVE)).toBe(ReferralProgress.IN_PATHWAY);
    expect(referralProgress(ReferralStatus.ACCEPTED, PathwayStatus.SUSPENDED)).toBe(ReferralProgress.IN_PATHWAY);
    expect(referralProgress(ReferralStatus.ACCEPTED, PathwayStatus.IN_JOB_FOLLOW_UP)).toBe(ReferralProgress.EXITED);
    expect(referralProgress(ReferralStatus.ACCEPTED, PathwayStatus.CLOSED)).toBe(ReferralProgress.EXITED);
  });
});
