import { addDays, addMonths } from './calendar-date';

/**
 * The life of a file (DOMAIN.md "Retention"): active while a pathway is open; once every pathway is
 * closed, kept in the active base for `archiveAfterMonths`, then moved to the intermediate archive
 * (the animation team only, each read with a logged reason); anonymised `anonymiseAfterYears`
 * after the end of the ESF+ audit retention of its operations (files in no operation: after the
 * archive date). Access-log entries are kept `accessLogMonths`.
 */
export interface RetentionPolicy {
  archiveAfterMonths: number;
  anonymiseAfterYears: number;
  accessLogMonths: number;
}

/**
 * Defaults: CNIL référentiel 2021-028 (social and employment support) keeps a file in the active
 * base two years after the support ended, then in intermediate archive for the limitation
 * periods: two years + three years gives the five years of civil limitation (Code civil art.
 * 2224) from the close. ESF+ files are never anonymised before the audit retention is over (CPR
 * 2021/1060 art. 82), and then three years more by default. Access logs: one year (CNIL
 * recommendation on logging, 2021: six months to one year).
 */
export const DEFAULT_RETENTION_POLICY: RetentionPolicy = { archiveAfterMonths: 24, anonymiseAfterYears: 3, accessLogMonths: 12 };

/** Plausible bounds of each setting (a PLIE may shorten or lengthen, never to nothing or forever). */
export const RETENTION_LIMITS: Record<keyof RetentionPolicy, { min: number; max: number }> = {
  archiveAfterMonths: { min: 1, max: 120 },
  anonymiseAfterYears: { min: 0, max: 30 },
  accessLogMonths: { min: 6, max: 120 },
};

export interface RetentionPolicyProblem {
  field: keyof RetentionPolicy;
  min: number;
  max: number;
}

/** Every setting out of its bounds (or not a whole number), in the form's order. */
export function retentionPolicyProblems(policy: RetentionPolicy): RetentionPolicyProblem[] {
  return (Object.keys(RETENTION_LIMITS) as Array<keyof RetentionPolicy>)
    .filter((field) => {
      const value = policy[field];
      const { min, max } = RETENTION_LIMITS[field];
      return !Number.isInteger(value) || value < min || value > max;
    })
    .map((field) => ({ field, ...RETENTION_LIMITS[field] }));
}

/** ESF audit documents are kept 5 years from 31 December of the year of the operation's last payment. */
export const ESF_AUDIT_YEARS = 5;

export function esfRetentionEndsOn(lastPaymentOn: string): string {
  return `${Number(lastPaymentOn.slice(0, 4)) + ESF_AUDIT_YEARS}-12-31`;
}

/** What the retention rules need to know of one file. */
export interface RetentionFacts {
  /** The last day a pathway of the file closed; null while one is open (or none ever closed). */
  lastClosedOn: string | null;
  archivedOn: string | null;
  anonymisedOn: string | null;
  /**
   * The last payment day of each ESF+ operation the file's pathways belong to (null: not paid yet,
   * so its audit retention has not even started). Empty: the file is in no operation.
   */
  operationsLastPaymentOn: Array<string | null>;
}

export function archiveDueOn(lastClosedOn: string, policy: RetentionPolicy): string {
  return addMonths(lastClosedOn, policy.archiveAfterMonths);
}

/**
 * When an archived file is anonymised: M years after the latest end of its operations' audit
 * retention, or after its archive date when it is in no operation. Null: an operation is not paid
 * yet, so no date can be known and the file is kept.
 */
export function anonymisationDueOn(facts: Pick<RetentionFacts, 'archivedOn' | 'operationsLastPaymentOn'>, policy: RetentionPolicy): string | null {
  if (!facts.archivedOn) return null;
  const months = policy.anonymiseAfterYears * 12;
  if (facts.operationsLastPaymentOn.length === 0) return addMonths(facts.archivedOn, months);
  if (facts.operationsLastPaymentOn.some((day) => day === null)) return null;
  const latestEnd = (facts.operationsLastPaymentOn as string[]).map(esfRetentionEndsOn).sort().at(-1)!;
  return addMonths(latestEnd, months);
}

export type RetentionStep = 'ARCHIVE' | 'ANONYMISE';

/**
 * What the run of `today` does to a file: archive a closed file whose time in the active base is
 * over; anonymise an archived file whose time is over. One step a run: a file archived today is
 * anonymised at the earliest by a later run.
 */
export function retentionStepDue(facts: RetentionFacts, today: string, policy: RetentionPolicy): RetentionStep | null {
  if (facts.anonymisedOn) return null;
  if (!facts.archivedOn) return facts.lastClosedOn && archiveDueOn(facts.lastClosedOn, policy) <= today ? 'ARCHIVE' : null;
  const due = anonymisationDueOn(facts, policy);
  return due && due <= today ? 'ANONYMISE' : null;
}

/** Entries of the access log older than this instant are deleted (the chain anchored first). */
export function accessLogCutoff(now: Date, policy: RetentionPolicy): Date {
  const cutoff = new Date(now);
  cutoff.setUTCMonth(cutoff.getUTCMonth() - policy.accessLogMonths);
  return cutoff;
}

/**
 * The birth date an anonymised file keeps: as coarse as possible, yet giving the same age at every
 * pathway entry (the reports' and ESF+ indicators' age bands read the age at entry). It is the day
 * nearest 1 July of the birth year within the range of birth dates giving those same ages.
 */
export function anonymisedBirthDate(birthDate: string, entryDates: string[]): string {
  let earliest = '0000-01-01';
  let latest = '9999-12-31';
  for (const entry of entryDates) {
    const age = ageOn(birthDate, entry);
    // Born after entry - (age + 1) years and on or before entry - age years.
    const after = addMonths(entry, -12 * (age + 1));
    const onOrBefore = addMonths(entry, -12 * age);
    const dayAfter = addDays(after, 1);
    if (dayAfter > earliest) earliest = dayAfter;
    if (onOrBefore < latest) latest = onOrBefore;
  }
  const midYear = `${birthDate.slice(0, 4)}-07-01`;
  if (midYear < earliest) return earliest;
  if (midYear > latest) return latest;
  return midYear;
}

/** Whole years from birth to a day, as PostgreSQL's `extract(year from age(day, birth))`. */
export function ageOn(birthDate: string, day: string): number {
  const years = Number(day.slice(0, 4)) - Number(birthDate.slice(0, 4));
  return day.slice(5) >= birthDate.slice(5) ? years : years - 1;
}
