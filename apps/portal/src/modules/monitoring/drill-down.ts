import type { RouteLocationRaw } from 'vue-router';
import type { CaseloadAlert, PathwayStatus } from '@/gql/graphql';

/** The active caseload's statuses, as the API counts it (packages/domain, monitoring.ts). */
const ACTIVE_CASELOAD: readonly PathwayStatus[] = ['PENDING_ACCREDITATION', 'ACTIVE', 'SUSPENDED'];
/** "Over 60 days without contact" is this alert, so the list shows exactly the people counted. */
const OVER_60_DAYS: CaseloadAlert = 'NO_RECENT_APPOINTMENT';

/** The caseload list showing a referent's active caseload (`referentId` null: the viewer's own). */
export function activeCaseloadOf(referentId: string | null): RouteLocationRaw {
  return { name: 'participants', query: { ...(referentId ? { referent: referentId } : {}), status: ACTIVE_CASELOAD.join(',') } };
}

/** The caseload list showing a referent's people without contact for over 60 days. */
export function over60DaysOf(referentId: string | null): RouteLocationRaw {
  return { name: 'participants', query: { ...(referentId ? { referent: referentId } : {}), alert: OVER_60_DAYS } };
}
