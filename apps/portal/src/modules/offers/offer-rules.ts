import {
  CANDIDACY_OUTCOMES,
  EMPLOYER_ANSWERS,
  hasFixedTerm,
  HIRE_STAGE_CATEGORIES,
  isOpenCandidacy as isOpen,
  MAX_CONTRACT_MONTHS,
  MAX_OFFER_POSITIONS,
  MAX_WEEKLY_HOURS,
} from '@jalon/domain';
import type { CandidacyStatus, JobContractType, JobOfferSource, JobOfferStatus, StageCategory } from '@/gql/graphql';

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
/** The outcomes a referent records, the employer's answers, and the stage kinds a hire may become: the API's rules. */
export const OUTCOMES = CANDIDACY_OUTCOMES as readonly string[] as readonly CandidacyStatus[];
export const ANSWERS = EMPLOYER_ANSWERS as readonly string[] as readonly CandidacyStatus[];
export const HIRE_CATEGORIES = HIRE_STAGE_CATEGORIES as readonly string[] as readonly StageCategory[];
export const isOpenCandidacy = (status: CandidacyStatus) => isOpen(status as Parameters<typeof isOpen>[0]);

/** Whether a contract of this type has a length to give (all but a CDI). */
export const needsLength = (type: JobContractType | '') => type !== '' && hasFixedTerm(type as Parameters<typeof hasFixedTerm>[0]);
