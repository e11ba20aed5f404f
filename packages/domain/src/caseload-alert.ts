import { addDays } from './calendar-date';
import { FOLLOWED_STATUSES, PathwayStatus } from './pathway-status';

/** What the caseload flags for the referent's attention. */
export enum CaseloadAlert {
  NO_RECENT_APPOINTMENT = 'NO_RECENT_APPOINTMENT',
  CONTRACT_REVIEW_DUE = 'CONTRACT_REVIEW_DUE',
  FOLLOW_UP_CHECK_IN_DUE = 'FOLLOW_UP_CHECK_IN_DUE',
  ESF_DATA_INCOMPLETE = 'ESF_DATA_INCOMPLETE',
}

/** A contract review or a follow-up check-in is flagged this many days ahead. */
export const ALERT_LOOKAHEAD_DAYS = 15;

export interface AlertInputs {
  status: PathwayStatus;
  missingEsfFields: readonly string[];
  seenRecently: boolean;
  reviewOn: string | null;
  nextCheckInOn: string | null;
  today: string;
}

/** Which alerts a participant's file raises (the facts come from one query for the whole caseload). */
export function caseloadAlerts(inputs: AlertInputs): CaseloadAlert[] {
  if (!FOLLOWED_STATUSES.includes(inputs.status)) return [];
  const horizon = addDays(inputs.today, ALERT_LOOKAHEAD_DAYS);
  const alerts: CaseloadAlert[] = [];
  if (!inputs.seenRecently && inputs.status !== PathwayStatus.IN_JOB_FOLLOW_UP) alerts.push(CaseloadAlert.NO_RECENT_APPOINTMENT);
  if (inputs.reviewOn && inputs.reviewOn <= horizon && inputs.status === PathwayStatus.ACTIVE) alerts.push(CaseloadAlert.CONTRACT_REVIEW_DUE);
  if (inputs.nextCheckInOn && inputs.nextCheckInOn <= horizon) alerts.push(CaseloadAlert.FOLLOW_UP_CHECK_IN_DUE);
  if (inputs.missingEsfFields.length > 0) alerts.push(CaseloadAlert.ESF_DATA_INCOMPLETE);
  return alerts;
}
