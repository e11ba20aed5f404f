import { type DataClass, MembershipRole } from '@jalon/domain';
import type { RequestContext } from '../context/request-context';
import { errors } from '../graphql/errors';
import { activeMembership } from './tenant-scope';

/**
 * What a staff member may do with a participant's file: the animation team (and tenant admins)
 * everything in the tenant; a referent her own caseload, and her colleagues' files read-only when
 * the tenant allows it. Partners reach participants only through consent (not here).
 */
export type ParticipantAccess = 'EDIT' | 'READ' | 'NONE';

const WHOLE_TENANT: readonly MembershipRole[] = [MembershipRole.TENANT_ADMIN, MembershipRole.ANIMATION_TEAM];

/** The animation team (and tenant admins) work on the whole PLIE: every file, the whole access log. */
export function actsForWholeTenant(ctx: RequestContext): boolean {
  return WHOLE_TENANT.includes(activeMembership(ctx).role);
}

export function participantAccess(ctx: RequestContext, participant: { referent: { id: string } }): ParticipantAccess {
  const membership = ctx.actor?.membership;
  if (!membership) return 'NONE';
  if (WHOLE_TENANT.includes(membership.role)) return 'EDIT';
  if (membership.role !== MembershipRole.REFERENT) return 'NONE';
  if (participant.referent.id === membership.id) return 'EDIT';
  return membership.colleaguesCanRead ? 'READ' : 'NONE';
}

/** A condition on participant rows, as the ORM takes it: by id, or by referent (a membership id). */
export type ParticipantCondition = { id?: { $in: string[] } | null; referent?: string };

/**
 * The rows the viewer may list, as a condition added to every participant query: a staff member's
 * by role; a partner's, those a consent in force shares with its organisation (so counts and pages
 * reveal nothing more).
 */
export async function readableParticipants(ctx: RequestContext): Promise<ParticipantCondition> {
  if (ctx.consent.governsByConsent) return { id: { $in: await ctx.consent.visibleParticipantIds() } };
  const membership = activeMembership(ctx);
  if (WHOLE_TENANT.includes(membership.role) || (membership.role === MembershipRole.REFERENT && membership.colleaguesCanRead)) return {};
  if (membership.role === MembershipRole.REFERENT) return { referent: membership.id };
  return { id: null };
}

/** Whether a data class of this participant is shared with the viewer (always, for staff who may read the file). */
export async function isShared(ctx: RequestContext, participantId: string, dataClass: DataClass): Promise<boolean> {
  await ctx.consent.load();
  return ctx.consent.wouldAllow({ participantId }, dataClass);
}

export function assertCanEdit(ctx: RequestContext, participant: { referent: { id: string } }): void {
  const access = participantAccess(ctx, participant);
  if (access === 'NONE') throw errors.notFound(ctx, 'id');
  if (access === 'READ') throw errors.forbidden(ctx, 'error.notYourCaseload');
}
