import { ProgrammeFunding as DomainFunding } from '@jalon/domain';
import type { PositioningStatus, ProgrammeActionStatus, ProgrammeFunding } from '@/gql/graphql';

export const ACTION_STATUSES: readonly ProgrammeActionStatus[] = ['PLANNED', 'OPEN', 'FULL', 'DONE', 'CANCELLED'];
export const FUNDINGS = Object.values(DomainFunding) as readonly string[] as readonly ProgrammeFunding[];
export const ACTION_SEVERITY: Record<ProgrammeActionStatus, 'info' | 'success' | 'warn' | 'secondary' | 'danger'> = {
  PLANNED: 'info',
  OPEN: 'success',
  FULL: 'warn',
  DONE: 'secondary',
  CANCELLED: 'danger',
};
export const POSITIONING_SEVERITY: Record<PositioningStatus, 'info' | 'success' | 'warn' | 'secondary' | 'danger'> = {
  PROPOSED: 'info',
  ACCEPTED: 'success',
  WAITING: 'warn',
  DECLINED: 'danger',
  WITHDRAWN: 'secondary',
};
/** A positioning still open: the referent may withdraw it. */
export const isOpenPositioning = (status: PositioningStatus) => status === 'PROPOSED' || status === 'WAITING' || status === 'ACCEPTED';
/** A session's occupancy, column by column, as the action's page and the operator's page show it. */
export const OCCUPANCY_COLUMNS = ['places', 'proposed', 'accepted', 'waiting', 'attended', 'placesLeft'] as const;
