import { ConsentPurpose, DataClass, stageReports } from './consent';
import type { StageCategory } from './stage-kind';

/** Where an action of the PLIE's programme stands. */
export enum ProgrammeActionStatus {
  PLANNED = 'PLANNED',
  OPEN = 'OPEN',
  FULL = 'FULL',
  DONE = 'DONE',
  CANCELLED = 'CANCELLED',
}

/** Who funds an action: the ESF+ operation (named), the PLIE's own budget, a commune, or another funder. */
export enum ProgrammeFunding {
  ESF_OPERATION = 'ESF_OPERATION',
  PLIE = 'PLIE',
  COMMUNE = 'COMMUNE',
  OTHER = 'OTHER',
}

/** A commune or another funder is named with the action (ESF+ names its operation; the PLIE funds itself). */
export function namesFunder(funding: ProgrammeFunding): boolean {
  return funding === ProgrammeFunding.COMMUNE || funding === ProgrammeFunding.OTHER;
}

const S = ProgrammeActionStatus;

/**
 * The moves an action may make: planned, then open to positionings (full when the operator says
 * so, open again when a place frees), then done; cancelled from any state before done. Done and
 * cancelled are final: their positionings and stages are history.
 */
const ACTION_TRANSITIONS: Record<ProgrammeActionStatus, readonly ProgrammeActionStatus[]> = {
  [S.PLANNED]: [S.OPEN, S.CANCELLED],
  [S.OPEN]: [S.FULL, S.DONE, S.CANCELLED],
  [S.FULL]: [S.OPEN, S.DONE, S.CANCELLED],
  [S.DONE]: [],
  [S.CANCELLED]: [],
};

export function mayMoveAction(from: ProgrammeActionStatus, to: ProgrammeActionStatus): boolean {
  return from === to || ACTION_TRANSITIONS[from].includes(to);
}

/** Referents position people on an action only while it is planned or open (a full one takes them on its waiting list). */
export function takesPositionings(status: ProgrammeActionStatus): boolean {
  return status === S.PLANNED || status === S.OPEN || status === S.FULL;
}

/** A person proposed on a session by her referent, and what came of it. */
export enum PositioningStatus {
  PROPOSED = 'PROPOSED',
  ACCEPTED = 'ACCEPTED',
  WAITING = 'WAITING',
  DECLINED = 'DECLINED',
  /** Withdrawn by her referent (before or after the acceptance: an accepted place is then freed). */
  WITHDRAWN = 'WITHDRAWN',
}

/** The operator's answers. */
export const OPERATOR_ANSWERS: readonly PositioningStatus[] = [PositioningStatus.ACCEPTED, PositioningStatus.DECLINED, PositioningStatus.WAITING];

/** The operator answers a proposal, or someone on its waiting list (accepted or declined from there). */
export function mayAnswerPositioning(current: PositioningStatus, answer: PositioningStatus): boolean {
  if (!OPERATOR_ANSWERS.includes(answer)) return false;
  if (current === PositioningStatus.PROPOSED) return true;
  return current === PositioningStatus.WAITING && answer !== PositioningStatus.WAITING;
}

export function mayWithdrawPositioning(current: PositioningStatus): boolean {
  return current === PositioningStatus.PROPOSED || current === PositioningStatus.WAITING || current === PositioningStatus.ACCEPTED;
}

/** What an answer becomes: an acceptance when no place is left puts the person on the waiting list instead. */
export function answerOutcome(answer: PositioningStatus, placesLeft: number): PositioningStatus {
  return answer === PositioningStatus.ACCEPTED && placesLeft <= 0 ? PositioningStatus.WAITING : answer;
}

/** Plausible bounds of a session: places, and how long it lasts. */
export const MAX_SESSION_PLACES = 200;
export const MAX_SESSION_DAYS = 731;
export const MAX_NEED_PEOPLE = 500;

/**
 * The stage-scoped consent a referent offers when positioning: the operator sees the stages of
 * the action's kind it runs (and so the positioning), and their reports for their purpose when
 * the kind has reports (trainings, contracts). Other kinds are shared for the operator's follow-up.
 */
export function positioningSharing(category: StageCategory): { dataClasses: DataClass[]; purpose: ConsentPurpose } {
  const reports = stageReports(category);
  return {
    dataClasses: [DataClass.STAGE_LIST, DataClass.STAGE_DETAILS, ...(reports ? [reports.reportClass] : [])],
    purpose: reports?.purpose ?? ConsentPurpose.TRAINING_FOLLOW_UP,
  };
}

/** A need's horizon: a month 'YYYY-MM' or a quarter 'YYYY-Qn'. */
const MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;
const QUARTER = /^(\d{4})-Q([1-4])$/;

export function isNeedPeriod(period: string): boolean {
  return MONTH.test(period) || QUARTER.test(period);
}

/** The quarter a need's period falls in ('2026-11' → '2026-Q4'): needs are added up by quarter. */
export function quarterOf(period: string): string {
  const quarter = QUARTER.exec(period);
  if (quarter) return period;
  const month = MONTH.exec(period);
  if (!month) throw new RangeError(`not a need period: ${period}`);
  return `${month[1]}-Q${Math.floor((Number(month[2]) - 1) / 3) + 1}`;
}

/** The first and last days of a need's period. */
export function periodDays(period: string): { first: string; last: string } {
  const quarter = QUARTER.exec(period);
  const [year, firstMonth, months] = quarter
    ? [Number(quarter[1]), (Number(quarter[2]) - 1) * 3 + 1, 3]
    : [Number(period.slice(0, 4)), Number(period.slice(5, 7)), 1];
  const end = new Date(Date.UTC(year, firstMonth - 1 + months, 0));
  return { first: `${year}-${String(firstMonth).padStart(2, '0')}-01`, last: end.toISOString().slice(0, 10) };
}
