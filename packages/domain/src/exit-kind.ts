/** How a pathway ends. */
export enum ExitKind {
  // Positive exits
  JOB_PERMANENT = 'JOB_PERMANENT',
  JOB_FIXED_TERM_6_MONTHS_PLUS = 'JOB_FIXED_TERM_6_MONTHS_PLUS',
  BUSINESS_CREATION = 'BUSINESS_CREATION',
  QUALIFYING_TRAINING = 'QUALIFYING_TRAINING',
  // Other exits
  ABANDONMENT = 'ABANDONMENT',
  ADMINISTRATIVE = 'ADMINISTRATIVE',
  REORIENTATION = 'REORIENTATION',
  HEALTH = 'HEALTH',
  MAXIMUM_DURATION = 'MAXIMUM_DURATION',
}

export const POSITIVE_EXITS: readonly ExitKind[] = [
  ExitKind.JOB_PERMANENT,
  ExitKind.JOB_FIXED_TERM_6_MONTHS_PLUS,
  ExitKind.BUSINESS_CREATION,
  ExitKind.QUALIFYING_TRAINING,
];

/** Exits into work, which open the 6-month in-job follow-up and are validated at its end. */
export const JOB_EXITS: readonly ExitKind[] = [ExitKind.JOB_PERMANENT, ExitKind.JOB_FIXED_TERM_6_MONTHS_PLUS, ExitKind.BUSINESS_CREATION];

export function isPositiveExit(kind: ExitKind): boolean {
  return POSITIVE_EXITS.includes(kind);
}

export function opensInJobFollowUp(kind: ExitKind): boolean {
  return JOB_EXITS.includes(kind);
}

/** In-job follow-up check-ins, in months after the exit date. */
export const FOLLOW_UP_CHECK_IN_MONTHS = [1, 3, 6] as const;
