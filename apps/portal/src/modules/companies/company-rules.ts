import { MAX_COMPANY_CONTACTS } from '@jalon/domain';
import type { CompanyEventKind, CompanyKind } from '@/gql/graphql';

export { MAX_COMPANY_CONTACTS };

export const COMPANY_KINDS: readonly CompanyKind[] = ['CLASSIC', 'INTEGRATION', 'PUBLIC_EMPLOYER', 'TEMPING_AGENCY'];
export const COMPANY_EVENT_KINDS: readonly CompanyEventKind[] = ['VISIT', 'CALL', 'EMAIL', 'EVENT'];
