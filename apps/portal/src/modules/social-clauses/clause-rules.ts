import type { ClausePlacementKind, SocialClauseStatus } from '@/gql/graphql';

export const PLACEMENT_KINDS: readonly ClausePlacementKind[] = ['DIRECT_HIRE', 'MADE_AVAILABLE', 'TRAINING'];
export const CLAUSE_STATUSES: readonly SocialClauseStatus[] = ['OPEN', 'LATE', 'COMPLETED'];

/** How a status reads at a glance. */
export const STATUS_SEVERITY: Record<SocialClauseStatus, 'info' | 'danger' | 'success'> = { OPEN: 'info', LATE: 'danger', COMPLETED: 'success' };

/** Hours typed the French way (« 7,5 ») as a number; NaN when they are not one. */
export function parseHours(text: string): number {
  const cleaned = text.trim().replace(/\s/g, '').replace(',', '.');
  return cleaned && /^\d+(\.\d{1,2})?$/.test(cleaned) ? Number(cleaned) : Number.NaN;
}
