import type { RequestContext } from '../context/request-context';
import { errors } from '../graphql/errors';
import { parseGlobalId } from '../graphql/relay';
import { may } from './operation-access';
import { activeMembership } from './tenant-scope';

/**
 * Whose agenda a request may read and book into: a referent only her own; the animation team
 * (and tenant admins) any referent's of the tenant, named by membership id. Returns the referent
 * membership id, or null when the animation team named none.
 */
export function readableAgendaReferent(ctx: RequestContext, requested: string | null | undefined): string | null {
  const self = activeMembership(ctx);
  const requestedId = requested ? (parseGlobalId(requested, 'Membership')?.id ?? null) : null;
  if (!may(ctx.actor, 'readAnyAgenda')) {
    if (requestedId && requestedId !== self.id) throw errors.forbidden(ctx);
    return self.id;
  }
  return requestedId;
}

/** Whether the request may change an appointment of this referent's agenda. */
export function mayManageAgendaOf(ctx: RequestContext, referentMembershipId: string): boolean {
  const self = activeMembership(ctx);
  return may(ctx.actor, 'readAnyAgenda') || self.id === referentMembershipId;
}
