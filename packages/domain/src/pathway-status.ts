/**
 * Where a pathway stands. A person who comes back after their
 * pathway closed gets a new pathway; the old one stays readable.
 */
export enum PathwayStatus {
  REFERRED = 'REFERRED',
  PENDING_ACCREDITATION = 'PENDING_ACCREDITATION',
  ACTIVE = 'ACTIVE',
  SUSPENDED = 'SUSPENDED',
  EXITED = 'EXITED',
  IN_JOB_FOLLOW_UP = 'IN_JOB_FOLLOW_UP',
  CLOSED = 'CLOSED',
}

const { REFERRED, PENDING_ACCREDITATION, ACTIVE, SUSPENDED, EXITED, IN_JOB_FOLLOW_UP, CLOSED } = PathwayStatus;

/** The only moves the status machine allows; everything else is refused. */
export const PATHWAY_TRANSITIONS: Readonly<Record<PathwayStatus, readonly PathwayStatus[]>> = {
  [REFERRED]: [PENDING_ACCREDITATION, CLOSED],
  [PENDING_ACCREDITATION]: [ACTIVE, CLOSED],
  // An exit into a job leads to the 6-month in-job follow-up instead of EXITED.
  [ACTIVE]: [SUSPENDED, EXITED, IN_JOB_FOLLOW_UP],
  [SUSPENDED]: [ACTIVE, EXITED, IN_JOB_FOLLOW_UP],
  [EXITED]: [CLOSED],
  [IN_JOB_FOLLOW_UP]: [CLOSED],
  [CLOSED]: [],
};

export function canTransition(from: PathwayStatus, to: PathwayStatus): boolean {
  return PATHWAY_TRANSITIONS[from].includes(to);
}

/** Statuses in which the person is followed: they count in the referent's caseload. */
export const FOLLOWED_STATUSES: readonly PathwayStatus[] = [PENDING_ACCREDITATION, ACTIVE, SUSPENDED, IN_JOB_FOLLOW_UP];

/** A pathway in one of these has ended: a new entry of the same person opens a new pathway. */
export const ENDED_STATUSES: readonly PathwayStatus[] = [EXITED, CLOSED];
