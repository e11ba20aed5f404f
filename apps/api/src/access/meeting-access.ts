import { isPartnerKind, MEETING_ITEM_CLASS, MEETING_PURPOSE, MeetingSharing, meetingSharing, type PartnerViewer } from '@jalon/domain';
import type { RequestContext } from '../context/request-context';
import { errors } from '../graphql/errors';
import { submissionsOfOrganisation } from '../db/referral-submission.query';
import { ConsentScope } from './consent-scope';
import { may } from './operation-access';
import { mayReadWholeTenant } from './participant-access';
import { activeMembership } from './tenant-scope';

/** The meetings the viewer may read: every one of the PLIE for staff, those its organisation is invited to for a partner. */
export function readableMeetings(ctx: RequestContext): { invitations?: { organisation: string } } {
  const membership = activeMembership(ctx);
  return isPartnerKind(membership.organisationKind) ? { invitations: { organisation: membership.organisationId } } : {};
}

/** The organisation whose own submissions of referrals decide what the viewer sees of an agenda: a partner's; none for staff. */
export function submitterOf(ctx: RequestContext): string | null {
  return ctx.consent.viewer?.organisationId ?? null;
}

/**
 * Staff see a meeting whole (every item, and with whom each is shared); a partner organisation,
 * by its kind, only what it is invited to see (MeetingAudience).
 */
export function maySeeWholeMeeting(ctx: RequestContext): boolean {
  return !isPartnerKind(activeMembership(ctx).organisationKind);
}

/** The organiser and the animation team run a meeting: its details, agenda order, decisions and minutes. */
export function mayManage(ctx: RequestContext, meeting: { organiser: { id: string } }): boolean {
  return maySeeWholeMeeting(ctx) && (mayReadWholeTenant(ctx) || meeting.organiser.id === ctx.actor!.userId);
}

/** Staff put items on an agenda; an invited partner only reads it. */
export function assertMayAddAgendaItem(ctx: RequestContext): void {
  if (!maySeeWholeMeeting(ctx)) throw errors.forbidden(ctx);
}

/** Referrals go before, and are decided by, the accreditation commission: the animation team and tenant admins. */
export function assertMayDecideReferrals(ctx: RequestContext): void {
  if (!may(ctx.actor, 'decideReferrals')) throw errors.forbidden(ctx);
}

/** What the rule needs to know of an agenda item. */
export interface AgendaFacts {
  participantId: string | null;
  referralId: string | null;
  /** When the item was put on the agenda. */
  addedAt: Date;
}

/** The viewer's submission of a referral, as read: the rule reads when it was made; the agenda shows it. */
type OwnSubmission = Awaited<ReturnType<typeof submissionsOfOrganisation>>[number];

/**
 * The one rule for what an attendee of a meeting sees of its agenda, and so of the item's
 * documents, decisions, minutes and every export: staff see everything; an invited
 * partner sees the general items, an item about a referral its own submission was part of when
 * the item was put on the agenda (an item added before it referred the person is about another
 * partner's referral, and would tell it that one exists), and an item about a person
 * only while a consent in force shares the person's pathway with its organisation for the purpose
 * "coordination meetings" (a refusal of any purpose wins). Row-level security keeps the same
 * items from a partner underneath (the meetings migration); the API shows the others withheld.
 */
export class MeetingAudience {
  private constructor(
    /** The organisation decided for; null: staff, who see everything. */
    readonly viewer: PartnerViewer | null,
    private readonly decisions: Map<string, MeetingSharing>,
    /** The viewer's own submission of each referral on the agenda. */
    private readonly submissions: Map<string, OwnSubmission>,
  ) {}

  /**
   * The request's viewer; each item shown to a partner is a read of the person's data, logged.
   * `submissions`: the viewer's own submissions of the items' referrals when the caller read them
   * with the items (submitterOf names whose), else they are read here.
   */
  static ofRequest(ctx: RequestContext, items: readonly AgendaFacts[], submissions?: readonly OwnSubmission[]): Promise<MeetingAudience> {
    const viewer = ctx.consent.viewer;
    return MeetingAudience.decide(ctx, viewer, ctx.consent, items, submissions);
  }

  /** What an invited organisation would see (staff preparing the agenda, or its copy of the minutes): nothing is logged. */
  static forOrganisation(ctx: RequestContext, organisation: { id: string; kind: PartnerViewer['organisationKind'] }, items: readonly AgendaFacts[]) {
    if (!isPartnerKind(organisation.kind)) return MeetingAudience.decide(ctx, null, null, items);
    const viewer = { organisationId: organisation.id, organisationKind: organisation.kind };
    const participantIds = [...new Set(items.flatMap((item) => (item.participantId ? [item.participantId] : [])))];
    return MeetingAudience.decide(ctx, viewer, ConsentScope.preview(ctx.em, activeMembership(ctx).tenantId, viewer, participantIds, ctx.now), items);
  }

  private static async decide(
    ctx: RequestContext,
    viewer: PartnerViewer | null,
    scope: ConsentScope | null,
    items: readonly AgendaFacts[],
    read?: readonly OwnSubmission[],
  ) {
    const decisions = new Map<string, MeetingSharing>();
    if (viewer && scope) {
      for (const participantId of new Set(items.flatMap((item) => (item.participantId ? [item.participantId] : [])))) {
        const decision = await scope.readForPurpose({ participantId }, MEETING_ITEM_CLASS, MEETING_PURPOSE);
        decisions.set(participantId, decision ? meetingSharing(decision) : MeetingSharing.SHARED);
      }
    }
    const referralIds = viewer ? [...new Set(items.flatMap((item) => (item.referralId ? [item.referralId] : [])))] : [];
    const submissions = viewer ? (read ?? (await submissionsOfOrganisation(ctx.em, referralIds, viewer.organisationId))) : [];
    return new MeetingAudience(viewer, decisions, new Map(submissions.map((submission) => [submission.referralId, submission])));
  }

  /** Whether the organisation will see this item, and if not, why (the referent's indicator). */
  sharing(item: AgendaFacts): MeetingSharing {
    if (!this.viewer) return MeetingSharing.SHARED;
    if (item.participantId) return this.decisions.get(item.participantId) ?? MeetingSharing.NO_CONSENT;
    // A partner sees what it authored: the items about the referrals it made, from when it made them.
    if (item.referralId) return this.ownSubmission(item) ? MeetingSharing.SHARED : MeetingSharing.NO_CONSENT;
    return MeetingSharing.SHARED;
  }

  /** The viewer's submission an item about a referral concerns (so the item names the person as the viewer typed them); null for staff. */
  ownSubmission(item: AgendaFacts): OwnSubmission | null {
    const submission = item.referralId ? this.submissions.get(item.referralId) : undefined;
    return submission && submission.createdAt <= item.addedAt ? submission : null;
  }

  shows(item: AgendaFacts): boolean {
    return this.sharing(item) === MeetingSharing.SHARED;
  }
}
