import { describe, expect, it } from 'vitest';
import { ConsentPurpose } from './consent';
import { MeetingSharing, meetingSharing } from './meeting';

describe('meeting sharing indicator', () => {
  it('is shared only when a consent covers the purpose "coordination meetings" (or the organisation authored it)', () => {
    expect(meetingSharing({ allowed: true, basis: 'CONSENT', purposes: [ConsentPurpose.REFERRAL_FOLLOW_UP, ConsentPurpose.COORDINATION_MEETINGS] })).toBe(
      MeetingSharing.SHARED,
    );
    expect(meetingSharing({ allowed: true, basis: 'AUTHORED' })).toBe(MeetingSharing.SHARED);
    expect(meetingSharing({ allowed: true, basis: 'CONSENT', purposes: [ConsentPurpose.REFERRAL_FOLLOW_UP] })).toBe(MeetingSharing.NOT_FOR_MEETINGS);
  });

  it('tells a refusal from the absence of consent', () => {
    expect(meetingSharing({ allowed: false, reason: 'REFUSED' })).toBe(MeetingSharing.REFUSED);
    expect(meetingSharing({ allowed: false, reason: 'NO_CONSENT' })).toBe(MeetingSharing.NO_CONSENT);
  });
});
