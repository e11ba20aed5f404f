/**
 * The referents' monitoring figures (issue 13 §3). The counts are SQL (the API's
 * modules/monitoring/monitoring.query.ts); the constants they are compared with live here, so
 * the API and the portal show the same targets and bands.
 */

import { PathwayStatus } from './pathway-status';

/**
 * The active caseload: the people a referent accompanies now — pathway pending accreditation,
 * active or suspended. The 6-month in-job follow-up (after a job exit) is not counted: the person
 * has left the accompaniment proper. The same people as the NO_RECENT_APPOINTMENT alert watches.
 */
export const ACTIVE_CASELOAD_STATUSES: readonly PathwayStatus[] = [PathwayStatus.PENDING_ACCREDITATION, PathwayStatus.ACTIVE, PathwayStatus.SUSPENDED];

/** The active caseload a referent is expected to hold, unless the PLIE sets its own (tenant setting). */
export const DEFAULT_CASELOAD_TARGET = 70;

/** The bounds a PLIE may set its caseload target within. */
export const CASELOAD_TARGET_MIN = 1;
export const CASELOAD_TARGET_MAX = 200;

/**
 * The expected renewal of a caseload over twelve months: entries of the last 12 months divided by
 * the active caseload today (a PLIE renews about 30 % of its people a year).
 */
export const RENEWAL_RATE_TARGET = 0.3;

/** Days since the last contact, in bands; the last band is the caseload alert NO_RECENT_APPOINTMENT. */
export enum ContactBand {
  /** Last attended appointment within the last 30 days. */
  UNDER_30_DAYS = 'UNDER_30_DAYS',
  /** Between 31 and 60 days (or entered less than 60 days ago and not yet met). */
  FROM_31_TO_60_DAYS = 'FROM_31_TO_60_DAYS',
  /** No attended appointment for more than 60 days, counted from the referral when never met. */
  OVER_60_DAYS = 'OVER_60_DAYS',
}

/** The band boundary under which a contact is recent. */
export const RECENT_CONTACT_DAYS = 30;

/** Whether a caseload target is one a PLIE may set. */
export function isValidCaseloadTarget(target: number): boolean {
  return Number.isInteger(target) && target >= CASELOAD_TARGET_MIN && target <= CASELOAD_TARGET_MAX;
}
