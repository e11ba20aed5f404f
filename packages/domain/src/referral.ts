import { ENDED_STATUSES, PathwayStatus } from './pathway-status';

/**
 * A referral (orientation) of a person to the PLIE, from its receipt to the accreditation
 * commission's decision. Postponed referrals come back to a later commission.
 */
export enum ReferralStatus {
  NEW = 'NEW',
  UNDER_REVIEW = 'UNDER_REVIEW',
  POSTPONED = 'POSTPONED',
  ACCEPTED = 'ACCEPTED',
  REFUSED = 'REFUSED',
  REDIRECTED = 'REDIRECTED',
}

/** What the commission may decide on a referral. */
export enum ReferralDecision {
  ACCEPT = 'ACCEPT',
  REFUSE = 'REFUSE',
  REDIRECT = 'REDIRECT',
  POSTPONE = 'POSTPONE',
}

export const DECISION_STATUS: Readonly<Record<ReferralDecision, ReferralStatus>> = {
  [ReferralDecision.ACCEPT]: ReferralStatus.ACCEPTED,
  [ReferralDecision.REFUSE]: ReferralStatus.REFUSED,
  [ReferralDecision.REDIRECT]: ReferralStatus.REDIRECTED,
  [ReferralDecision.POSTPONE]: ReferralStatus.POSTPONED,
};

/** Referrals still waiting for a decision: a second referral of the same person joins the open one. */
export const OPEN_REFERRAL_STATUSES: readonly ReferralStatus[] = [ReferralStatus.NEW, ReferralStatus.UNDER_REVIEW, ReferralStatus.POSTPONED];

export function isOpenReferral(status: ReferralStatus): boolean {
  return OPEN_REFERRAL_STATUSES.includes(status);
}

/** A decision other than postponing must say why (the referring partner reads it). */
export function decisionNeedsReason(decision: ReferralDecision): boolean {
  return decision !== ReferralDecision.ACCEPT;
}

/**
 * What became of a referral, as its referring partner follows it: the decision, then whether the
 * person entered the pathway or has left it. The partner authored the referral, so it always sees
 * this much; anything more about the pathway only as the person consented.
 */
export enum ReferralProgress {
  RECEIVED = 'RECEIVED',
  UNDER_REVIEW = 'UNDER_REVIEW',
  POSTPONED = 'POSTPONED',
  REFUSED = 'REFUSED',
  REDIRECTED = 'REDIRECTED',
  IN_PATHWAY = 'IN_PATHWAY',
  EXITED = 'EXITED',
}

export function referralProgress(status: ReferralStatus, pathwayStatus: PathwayStatus | null): ReferralProgress {
  switch (status) {
    case ReferralStatus.NEW:
      return ReferralProgress.RECEIVED;
    case ReferralStatus.UNDER_REVIEW:
      return ReferralProgress.UNDER_REVIEW;
    case ReferralStatus.POSTPONED:
      return ReferralProgress.POSTPONED;
    case ReferralStatus.REFUSED:
      return ReferralProgress.REFUSED;
    case ReferralStatus.REDIRECTED:
      return ReferralProgress.REDIRECTED;
    case ReferralStatus.ACCEPTED:
      return pathwayStatus && (ENDED_STATUSES.includes(pathwayStatus) || pathwayStatus === PathwayStatus.IN_JOB_FOLLOW_UP)
        ? ReferralProgress.EXITED
        : ReferralProgress.IN_PATHWAY;
  }
}
