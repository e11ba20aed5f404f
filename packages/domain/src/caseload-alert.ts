/**
 * What the caseload flags for the referent's attention. The conditions themselves are SQL (the
 * API's db/caseload-alerts.query.ts), so showing alerts and filtering by them always agree.
 */
export enum CaseloadAlert {
  /** A followed person who attended no appointment for DAYS_WITHOUT_APPOINTMENT_ALERT days. */
  NO_RECENT_APPOINTMENT = 'NO_RECENT_APPOINTMENT',
  /** The commitment contract's review date is within ALERT_LOOKAHEAD_DAYS, or past. */
  CONTRACT_REVIEW_DUE = 'CONTRACT_REVIEW_DUE',
  /** An in-job follow-up check-in is due within ALERT_LOOKAHEAD_DAYS, or overdue. */
  FOLLOW_UP_CHECK_IN_DUE = 'FOLLOW_UP_CHECK_IN_DUE',
  /** An ESF+ entry item is still unanswered ("refused to answer" counts as answered). */
  ESF_DATA_INCOMPLETE = 'ESF_DATA_INCOMPLETE',
  /** The pathway ended more than ESF_EXIT_WEEKS ago and its ESF+ exit questionnaire is still missing. */
  ESF_EXIT_MISSING = 'ESF_EXIT_MISSING',
  /** The managing authority rejected the person's last ESF+ line sent, and no later line was accepted yet. */
  ESF_REJECTED = 'ESF_REJECTED',
  /** An assisted contract ran last month and its employer's report is past due (REPORT_DUE_DAY). */
  CONTRACT_REPORT_OVERDUE = 'CONTRACT_REPORT_OVERDUE',
}

export const ALERT_LOOKAHEAD_DAYS = 15;
