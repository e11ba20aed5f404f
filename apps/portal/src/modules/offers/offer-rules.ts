import { hasFixedTerm, MAX_CONTRACT_MONTHS, MAX_OFFER_POSITIONS, MAX_WEEKLY_HOURS } from '@jalon/domain';
import type { AreaMatch, CandidacyStatus, JobContractType, JobOfferSource, JobOfferStatus, StageCategory, TradeMatch } from '@/gql/graphql';

export { MAX_CONTRACT_MONTHS, MAX_OFFER_POSITIONS, MAX_WEEKLY_HOURS };

export const CONTRACT_TYPES: readonly JobContractType[] = ['CDI', 'CDD', 'TEMPING', 'CDDI', 'APPRENTICESHIP', 'PROFESSIONALISATION', 'SUBSIDISED'];
/** What staff may say an offer came from; PARTNER is the partner's own offer, set by the API. */
export const STAFF_SOURCES: readonly JobOfferSource[] = ['COMPANY', 'FRANCE_TRAVAIL', 'SOCIAL_CLAUSE', 'NETWORK'];
export const OFFER_STATUSES: readonly JobOfferStatus[] = ['OPEN', 'FILLED', 'CLOSED'];
export const OFFER_STATUS_SEVERITY: Record<JobOfferStatus, 'success' | 'info' | 'secondary'> = { OPEN: 'success', FILLED: 'info', CLOSED: 'secondary' };
export const CANDIDACY_SEVERITY: Record<CandidacyStatus, 'info' | 'success' | 'warn' | 'secondary' | 'danger'> = {
  PROPOSED: 'info',
  RETAINED: 'warn',
  HIRED: 'success',
  NOT_RETAINED: 'secondary',
  WITHDRAWN: 'secondary',
};
/** The outcomes a referent records, and the employer's answers. */
export const OUTCOMES: readonly CandidacyStatus[] = ['HIRED', 'NOT_RETAINED', 'WITHDRAWN'];
export const ANSWERS: readonly CandidacyStatus[] = ['RETAINED', 'NOT_RETAINED'];
export const isOpenCandidacy = (status: CandidacyStatus) => status === 'PROPOSED' || status === 'RETAINED';
/** The stage kinds a hire may become (the API refuses others). */
export const HIRE_CATEGORIES: readonly StageCategory[] = ['EMPLOYMENT', 'ASSISTED_JOB', 'INTEGRATION_ACTIVITY'];

/** Whether a contract of this type has a length to give (all but a CDI). */
export const needsLength = (type: JobContractType | '') => type !== '' && hasFixedTerm(type as Parameters<typeof hasFixedTerm>[0]);

/** The reason parts, for their labels: the trade match (with its rank for a close trade) and the area. */
export interface ReasonParts {
  tradeMatch: TradeMatch;
  rank: number;
  area: AreaMatch;
}
