import { addDays, addMonths } from './calendar-date';
import { StageCategory } from './stage-kind';

/** The assisted contracts a stage can carry. */
export enum AssistedContractKind {
  /** Contrat à durée déterminée d'insertion, in an ACI or an EI (4 to 24 months). */
  CDDI = 'CDDI',
  /** Assignments through an intermediary association (AI). */
  AI_ASSIGNMENT = 'AI_ASSIGNMENT',
  /** Assignments through an integration temping agency (ETTI). */
  ETTI_ASSIGNMENT = 'ETTI_ASSIGNMENT',
  /** Parcours emploi compétences (CUI-CAE). */
  PEC = 'PEC',
  PROFESSIONALISATION = 'PROFESSIONALISATION',
  APPRENTICESHIP = 'APPRENTICESHIP',
  /** Période de mise en situation en milieu professionnel: an immersion of at most a month. */
  PMSMP = 'PMSMP',
}

/** Stages of these categories carry an assisted contract. */
export const CONTRACT_STAGE_CATEGORIES: readonly StageCategory[] = [
  StageCategory.INTEGRATION_ACTIVITY,
  StageCategory.ASSISTED_JOB,
  StageCategory.WORK_IMMERSION,
];

/** Why a contract ended, as the ASP records exits from integration through work. */
export enum ContractEndReason {
  PERMANENT_JOB = 'PERMANENT_JOB',
  FIXED_TERM_6_MONTHS_PLUS = 'FIXED_TERM_6_MONTHS_PLUS',
  FIXED_TERM_UNDER_6_MONTHS = 'FIXED_TERM_UNDER_6_MONTHS',
  QUALIFYING_TRAINING = 'QUALIFYING_TRAINING',
  OTHER_SIAE = 'OTHER_SIAE',
  JOB_SEEKER = 'JOB_SEEKER',
  INACTIVE = 'INACTIVE',
  NO_NEWS = 'NO_NEWS',
  RETIREMENT = 'RETIREMENT',
}

/** How far a skill is acquired, on the scale supervisors use in their reports. */
export enum SkillLevel {
  NOT_ACQUIRED = 'NOT_ACQUIRED',
  IN_PROGRESS = 'IN_PROGRESS',
  ACQUIRED = 'ACQUIRED',
  MASTERED = 'MASTERED',
}

/** A month's report is due by this day of the following month; after it, the referent is alerted. */
export const REPORT_DUE_DAY = 10;

/** A reporting period: a calendar month, 'YYYY-MM'. */
export type ReportPeriod = string;

export function isReportPeriod(value: string): boolean {
  return /^\d{4}-(0[1-9]|1[0-2])$/.test(value);
}

export function firstDayOf(period: ReportPeriod): string {
  return `${period}-01`;
}

export function lastDayOf(period: ReportPeriod): string {
  return addDays(addMonths(firstDayOf(period), 1), -1);
}

/** The day after which a month's report is overdue. */
export function reportDueOn(period: ReportPeriod): string {
  return addDays(addMonths(firstDayOf(period), 1), REPORT_DUE_DAY - 1);
}

/** Whether any day of the month falls between start and end (inclusive; no end: it runs on). */
export function periodWithin(period: ReportPeriod, startOn: string, endOn: string | null): boolean {
  return lastDayOf(period) >= startOn && (endOn === null || firstDayOf(period) <= endOn);
}

/**
 * The most hours the contract allows in the month: its weekly hours for each day of the month it
 * covers (a contract starting on the 15th allows half a month), rounded up to the half hour.
 */
export function maxHoursInPeriod(period: ReportPeriod, weeklyHours: number, startOn: string, endOn: string | null): number {
  const from = startOn > firstDayOf(period) ? startOn : firstDayOf(period);
  const to = endOn !== null && endOn < lastDayOf(period) ? endOn : lastDayOf(period);
  if (to < from) return 0;
  const days = (Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000 + 1;
  return Math.ceil(((weeklyHours * days) / 7) * 2) / 2;
}
