/**
 * Social clauses of public contracts (« clauses sociales d'insertion », article L2112-2 of the
 * public procurement code): a buyer (a metropolis, a commune, a social landlord) obliges the
 * company that wins a contract to give a number of work hours to people far from employment. The
 * PLIE's facilitator follows each clause: the hours owed, the people placed and the hours they did.
 */

/** How a person was placed on a clause's hours. */
export enum ClausePlacementKind {
  /** Hired by the company itself (CDD, CDI, apprenticeship…). */
  DIRECT_HIRE = 'DIRECT_HIRE',
  /** Made available to the company by an integration company (ETTI, ACI, EI, GEIQ): « mise à disposition ». */
  MADE_AVAILABLE = 'MADE_AVAILABLE',
  /** Training hours the clause counts (a qualifying training before or during the work). */
  TRAINING = 'TRAINING',
}

/** Where a clause stands: its hours done, or late against its period. */
export enum SocialClauseStatus {
  OPEN = 'OPEN',
  COMPLETED = 'COMPLETED',
  LATE = 'LATE',
}

/** The hours a single clause may owe: the biggest works contracts owe tens of thousands; more is a typing slip. */
export const MAX_CLAUSE_HOURS_OWED = 100_000;
/** A clause runs with its contract: at most this many years (framework agreements run four, works contracts rarely more). */
export const MAX_CLAUSE_YEARS = 10;
/** The earliest day a clause starts on: this century's contracts, not a typing slip. */
export const EARLIEST_CLAUSE_DAY = '2000-01-01';
/** A person works at most this many hours a day (Code du travail, L3121-18): a record of more is a typing slip. */
export const MAX_HOURS_PER_DAY = 10;
/**
 * A clause is late when its period is over with hours still owed, or when the hours done fall
 * short of the hours due pro rata of the time elapsed by more than this share.
 */
export const CLAUSE_LATE_SHORTFALL = 0.25;

/** Days from `from` to `to`, both counted (YYYY-MM-DD). */
export function daysInclusive(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000) + 1;
}

/** The most hours a person can do between two days, both counted. */
export function maxHoursBetween(from: string, to: string): number {
  return Math.max(0, daysInclusive(from, to)) * MAX_HOURS_PER_DAY;
}

/** Hours to the hundredth, as the records hold them. */
export function roundHours(hours: number): number {
  return Math.round(hours * 100) / 100;
}
