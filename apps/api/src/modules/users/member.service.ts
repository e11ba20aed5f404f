import type { FilterQuery } from '@mikro-orm/core';
import type { RequestContext } from '../../context/request-context';
import { readableMembersOrganisation } from '../../access/authored-access';
import { revokeMembershipSessions } from './membership-sessions.query';
import { activeMembership } from '../../access/tenant-scope';
import { errors } from '../../graphql/errors';
import { pageOf, type PageArgs } from '../../graphql/pagination';
import { saveChanges } from '../../graphql/save-changes';
import { likePattern } from '../../graphql/text-input';
import { encodeCursor, parseGlobalId, type Page } from '../../graphql/relay';
import { Membership } from '../tenancy/membership.entity';
import type { MemberFilter, SetMembershipActiveInput } from './user.inputs';

export function memberCursor(m: Membership): string {
  return encodeCursor(m.user.displayName, m.id);
}

/** The active tenant's memberships with their user and organisation, by person's name. */
export async function listMembers(ctx: RequestContext, filter: MemberFilter | undefined, args: PageArgs | undefined): Promise<Page<Membership>> {
  const where: FilterQuery<Membership> = {};
  if (!filter?.includeInactive) where.active = true;
  if (filter?.organisationId) {
    const parsed = parseGlobalId(filter.organisationId, 'Organisation');
    if (!parsed) throw errors.notFound(ctx, 'organisationId');
    where.organisation = parsed.id;
  }
  const own = readableMembersOrganisation(ctx);
  if (own) where.organisation = where.organisation && where.organisation !== own ? null : own;
  const search = filter?.search?.trim();
  if (search) where.$or = [{ user: { displayName: { $ilike: likePattern(search) } } }, { user: { email: { $ilike: likePattern(search) } } }];
  return pageOf(ctx, args, {
    key: 'text',
    // Ordered by the person's name: the keyset condition is on the joined user.
    fetch: (after, limit) =>
      ctx.em.find(
        Membership,
        after
          ? { $and: [where, { $or: [{ user: { displayName: { $gt: after.key } } }, { user: { displayName: after.key }, id: { $gt: after.id } }] }] }
          : where,
        { populate: ['user', 'organisation', 'tenant'], orderBy: { user: { displayName: 'asc' }, id: 'asc' }, limit },
      ),
    count: () => ctx.em.count(Membership, where),
    cursorOf: memberCursor,
  });
}

/**
 * Deactivating cuts the person's access to this tenant at once: their sessions acting through
 * this membership are revoked. Their account and other tenants are untouched.
 */
export async function setMembershipActive(ctx: RequestContext, input: SetMembershipActiveInput): Promise<Membership> {
  const self = activeMembership(ctx);
  const parsed = parseGlobalId(input.membershipId, 'Membership');
  const own = readableMembersOrganisation(ctx);
  const membership =
    parsed && (await ctx.em.findOne(Membership, { id: parsed.id, ...(own ? { organisation: own } : {}) }, { populate: ['user', 'organisation', 'tenant'] }));
  if (!membership) throw errors.notFound(ctx, 'membershipId');
  if (membership.version !== input.version) throw errors.conflict(ctx);
  if (!input.active && membership.id === self.id) throw errors.badInput(ctx, 'membershipId', 'error.cannotDeactivateSelf');
  membership.active = input.active;
  await saveChanges(ctx);
  if (!input.active) await revokeMembershipSessions(ctx.em, membership.id, ctx.now);
  return membership;
}
