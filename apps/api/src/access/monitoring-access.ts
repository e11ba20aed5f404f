import type { RequestContext } from '../context/request-context';
import { errors } from '../graphql/errors';
import { parseGlobalId } from '../graphql/relay';
import { may } from './operation-access';
import { activeMembership } from './tenant-scope';

/**
 * Whose monitoring figures the viewer may read: whole-tenant staff (animation team, tenant admin)
 * every referent's, or the one they name; a referent her own only, whatever the tenant lets her
 * read of her colleagues' files (the figures judge a person's work, not a file). Partners never
 * reach this (the operation needs `readMonitoring`). `null`: every referent of the tenant.
 */
export function readableMonitoredReferent(ctx: RequestContext, askedReferentId: string | null | undefined): string | null {
  const membership = activeMembership(ctx);
  const asked = askedReferentId ? (parseGlobalId(askedReferentId, 'Membership')?.id ?? '') : null;
  if (may(ctx.actor, 'readWholeTenant')) {
    if (asked === '') throw errors.badInput(ctx, 'referentId', 'error.referentInvalid');
    return asked;
  }
  if (may(ctx.actor, 'holdCaseload') && (asked === null || asked === membership.id)) return membership.id;
  throw errors.forbidden(ctx, 'error.monitoringOwnOnly');
}
