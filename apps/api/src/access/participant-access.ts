import type { DataClass } from '@jalon/domain';
import type { RequestContext } from '../context/request-context';
import { anyUuid, type UuidCondition } from '../db/bound-statement';
import { errors } from '../graphql/errors';
import { archiveCondition } from './archive-access';
import { may } from './operation-access';
import { activeMembership } from './tenant-scope';

type ParticipantAccess = 'EDIT' | 'READ' | 'NONE';

/** The animation team (and tenant admins) work on the whole PLIE: every file. */
export function mayReadWholeTenant(ctx: RequestContext): boolean {
  return may(ctx.actor, 'readWholeTenant');
}

/**
 * Who read which file: a referent asks for one file she may read (checked when it is found); the
 * whole PLIE's log, every file at once, is for the animation team and tenant admins.
 */
export function assertMayReadAccessLog(ctx: RequestContext, participantId: string | null | undefined): void {
  if (!participantId && !may(ctx.actor, 'readAccessLog')) throw errors.forbidden(ctx, 'error.wholeAccessLogForbidden');
}

/**
 * What a staff member may do with a participant's file: the animation team (and tenant admins)
 * everything in the tenant; a referent her own caseload, and her colleagues' files read-only when
 * the tenant allows it. Partners reach participants only through consent (not here).
 */
function accessTo(ctx: RequestContext, participant: { referent: { id: string } }): ParticipantAccess {
  const membership = ctx.actor?.membership;
  if (!membership) return 'NONE';
  if (may(ctx.actor, 'readWholeTenant')) return 'EDIT';
  if (!may(ctx.actor, 'holdCaseload')) return 'NONE';
  if (participant.referent.id === membership.id) return 'EDIT';
  return membership.colleaguesCanRead ? 'READ' : 'NONE';
}

/**
 * A condition on participant rows, as the ORM takes it: by id (a partner's people, one bound list:
 * db/bound-statement.ts), or by referent (a membership id), and never an archived file unopened.
 */
export type ParticipantCondition = { $and: Array<{ id?: UuidCondition | null; referent?: string } | Awaited<ReturnType<typeof archiveCondition>>> };

/**
 * The rows the viewer may list, as a condition added to every participant query: a staff member's
 * by role; a partner's, those a consent in force shares with its organisation (so counts and pages
 * reveal nothing more). Archived files are left out, but those the animation team opened with a
 * reason (access/archive-access.ts).
 */
export async function readableParticipants(ctx: RequestContext): Promise<ParticipantCondition> {
  return { $and: [await byRole(ctx), await archiveCondition(ctx)] };
}

async function byRole(ctx: RequestContext): Promise<{ id?: UuidCondition | null; referent?: string }> {
  if (ctx.consent.governsByConsent) return { id: anyUuid(await ctx.consent.visibleParticipantIds()) };
  const membership = activeMembership(ctx);
  if (may(ctx.actor, 'readWholeTenant')) return {};
  if (may(ctx.actor, 'holdCaseload')) return membership.colleaguesCanRead ? {} : { referent: membership.id };
  return { id: null };
}

/** Whether a data class of this participant is shared with the viewer (always, for staff who may read the file). */
export async function mayReadClass(ctx: RequestContext, participantId: string, dataClass: DataClass): Promise<boolean> {
  await ctx.consent.load();
  return ctx.consent.wouldAllow({ participantId }, dataClass);
}

/** Refuses a change to a file the viewer may not edit: unknown to her (not found) or a colleague's (read-only). */
export function assertMayEdit(ctx: RequestContext, participant: { referent: { id: string } }): void {
  const access = accessTo(ctx, participant);
  if (access === 'NONE') throw errors.notFound(ctx, 'id');
  if (access === 'READ') throw errors.forbidden(ctx, 'error.notYourCaseload');
}

/** Whether the viewer may change this file (and what hangs from it): staff whose file it is to follow. */
export function mayEdit(ctx: RequestContext, participant: { referent: { id: string } }): boolean {
  return accessTo(ctx, participant) === 'EDIT';
}

/** Whether the viewer may read this file: staff whose role or caseload reaches it. */
export function mayRead(ctx: RequestContext, participant: { referent: { id: string } }): boolean {
  return accessTo(ctx, participant) !== 'NONE';
}
