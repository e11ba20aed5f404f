import type { RankedCloseTrade } from './professional-project';
import { StageCategory } from './stage-kind';

/**
 * Job offers the PLIE collects (from the companies it follows, from partners that employ, from
 * France Travail) and the candidacies its referents propose on them.
 */
export enum JobOfferStatus {
  OPEN = 'OPEN',
  FILLED = 'FILLED',
  CLOSED = 'CLOSED',
}

export enum JobContractType {
  CDI = 'CDI',
  CDD = 'CDD',
  TEMPING = 'TEMPING',
  /** « Contrat à durée déterminée d'insertion », in an integration company. */
  CDDI = 'CDDI',
  APPRENTICESHIP = 'APPRENTICESHIP',
  PROFESSIONALISATION = 'PROFESSIONALISATION',
  SUBSIDISED = 'SUBSIDISED',
}

/** Contracts with an end: their length is asked for, and refused on a CDI. */
export function hasFixedTerm(type: JobContractType): boolean {
  return type !== JobContractType.CDI;
}

/** Where the offer came from. A partner's own offer is PARTNER, set by the API, never chosen. */
export enum JobOfferSource {
  COMPANY = 'COMPANY',
  PARTNER = 'PARTNER',
  FRANCE_TRAVAIL = 'FRANCE_TRAVAIL',
  SOCIAL_CLAUSE = 'SOCIAL_CLAUSE',
  NETWORK = 'NETWORK',
}

/** Limits of a plausible offer: a typing slip past them is refused, not stored. */
export const MAX_OFFER_POSITIONS = 200;
export const MAX_WEEKLY_HOURS = 48;
export const MAX_CONTRACT_MONTHS = 36;

/** Why a person's target trade matches an offer's trade, the strongest first. */
export enum TradeMatch {
  SAME_TRADE = 'SAME_TRADE',
  SAME_SHEET = 'SAME_SHEET',
  CLOSE_TRADE = 'CLOSE_TRADE',
}

/** How near the offer she lives, the nearest first: same commune, same intercommunality, same département. */
export enum AreaMatch {
  SAME_COMMUNE = 'SAME_COMMUNE',
  SAME_INTERCOMMUNALITY = 'SAME_INTERCOMMUNALITY',
  SAME_DEPARTEMENT = 'SAME_DEPARTEMENT',
}

/** One way a target trade leads to an offer's trade; `rank` orders the close trades (0 otherwise). */
export interface TradeLink {
  from: string;
  to: string;
  match: TradeMatch;
  rank: number;
}

/**
 * The offers' trades a person aiming at `code` matches: the trade itself, the other trades of its
 * parent sheet (ROME 4's « fiches » grouped under a classic one), and its close trades as France
 * Travail ranks them (« mobilités »: the know-how she has carries there). A trade reached two ways
 * keeps the strongest.
 */
export function tradeLinksOf(
  code: string,
  sheetOf: (code: string) => readonly string[],
  closeTradesOf: (code: string) => readonly RankedCloseTrade[],
): TradeLink[] {
  const links = new Map<string, TradeLink>([[code, { from: code, to: code, match: TradeMatch.SAME_TRADE, rank: 0 }]]);
  for (const to of sheetOf(code)) if (!links.has(to)) links.set(to, { from: code, to, match: TradeMatch.SAME_SHEET, rank: 0 });
  for (const close of closeTradesOf(code))
    if (!links.has(close.code)) links.set(close.code, { from: code, to: close.code, match: TradeMatch.CLOSE_TRADE, rank: close.rank });
  return [...links.values()];
}

/** Where a candidacy stands: proposed, answered by the employer, then its outcome. */
export enum CandidacyStatus {
  PROPOSED = 'PROPOSED',
  /** The employer said yes; the hire is recorded by the referent (it becomes a stage). */
  RETAINED = 'RETAINED',
  HIRED = 'HIRED',
  NOT_RETAINED = 'NOT_RETAINED',
  WITHDRAWN = 'WITHDRAWN',
}

/** What an employer may answer, and from which statuses. */
export const EMPLOYER_ANSWERS: readonly CandidacyStatus[] = [CandidacyStatus.RETAINED, CandidacyStatus.NOT_RETAINED];
/** What the referent records as the outcome. */
export const CANDIDACY_OUTCOMES: readonly CandidacyStatus[] = [CandidacyStatus.HIRED, CandidacyStatus.NOT_RETAINED, CandidacyStatus.WITHDRAWN];
/** Candidacies still waiting for an outcome: answered, changed, or decided. */
export const OPEN_CANDIDACY_STATUSES: readonly CandidacyStatus[] = [CandidacyStatus.PROPOSED, CandidacyStatus.RETAINED];

/** The stage kinds a hire may become: a job, an assisted contract, integration work. */
export const HIRE_STAGE_CATEGORIES: readonly StageCategory[] = [StageCategory.EMPLOYMENT, StageCategory.ASSISTED_JOB, StageCategory.INTEGRATION_ACTIVITY];

export function isOpenCandidacy(status: CandidacyStatus): boolean {
  return OPEN_CANDIDACY_STATUSES.includes(status);
}
