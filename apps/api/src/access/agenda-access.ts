import { MembershipRole } from '@jalon/domain';
import type { RequestContext } from '../context/request-context';
import { errors } from '../graphql/errors';
import { parseGlobalId } from '../graphql/relay';
import { activeMembership } from './tenant-scope';

/**
 * Whose agenda a request may read and book into: a referent only her own; the animation team
 * (and tenant admins) any referent's of the tenant, named by membership id. Returns the referent
 * membership id, or null when the animation team named none.
 */
export function agendaReferentId(ctx: RequestContext, requested: string | null | undefined): string | null {
  const self = activeMembership(ctx);
  const requestedId = requested ? (parseGlobalId(requested, 'Membership')?.id ?? null) : null;
  if (self.role === MembershipRole.REFERENT) {
    if (requestedId && requestedId !== self.id) throw errors.forbidden(ctx);
    return self.id;
  }
  return requestedId;
}

/** Whether the request may change an appointment of this referent's agenda. */
export function canManageAgendaOf(ctx: RequestContext, referentMembershipId: string): boolean {
  const self = activeMembership(ctx);
  return self.role !== MembershipRole.REFERENT || self.id === referentMembershipId;
}
