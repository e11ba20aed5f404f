import type { Actor, RequestContext } from '../context/request-context';
import { errors } from '../graphql/errors';

export type ActiveMembership = NonNullable<Actor['membership']>;

/** The membership the request acts through; operations guarded by a role rule always have one. */
export function activeMembership(ctx: RequestContext): ActiveMembership {
  const membership = ctx.actor?.membership;
  if (!membership) throw errors.forbidden(ctx, 'error.noActiveMembership');
  return membership;
}
