import { isPartnerKind, MEETING_ITEM_CLASS, MEETING_PURPOSE, MeetingSharing, meetingSharing, type PartnerViewer } from '@jalon/domain';
import type { RequestContext } from '../context/request-context';
import { Referral, ReferralSubmission } from '../modules/referrals/referral.entity';
import { ConsentScope } from './consent-scope';
import { actsForWholeTenant } from './participant-access';
import { activeMembership } from './tenant-scope';

/** The meetings the viewer may read: every one of the PLIE for staff, those its organisation is invited to for a partner. */
export function readableMeetings(ctx: RequestContext): { invitations?: { organisation: string } } {
  const membership = activeMembership(ctx);
  return isPartnerKind(membership.organisationKind) ? { invitations: { organisation: membership.organisationId } } : {};
}

/** The organiser and the animation team run a meeting: its details, agenda order, decisions and minutes. */
export function mayManage(ctx: RequestContext, meeting: { organiser: { id: string } }): boolean {
  return !isPartnerKind(activeMembership(ctx).organisationKind) && (actsForWholeTenant(ctx) || meeting.organiser.id === ctx.actor!.userId);
}

/** What the rule needs to know of an agenda item. */
export interface AgendaFacts {
  participantId: string | null;
  referralId: string | null;
}

/**
 * The one rule for what an attendee of a meeting sees of its agenda, and so of the item's
 * documents, decisions, minutes and every export (DESIGN §4): staff see everything; an invited
 * partner sees the general items, the items about referrals it made, and an item about a person
 * only while a consent in force shares the person's pathway with its organisation for the purpose
 * "coordination meetings" (a refusal of any purpose wins). Row-level security keeps the same
 * items from a partner underneath (the meetings migration); the API shows the others withheld.
 */
export class MeetingAudience {
  private constructor(
    /** The organisation decided for; null: staff, who see everything. */
    readonly viewer: PartnerViewer | null,
    private readonly decisions: Map<string, MeetingSharing>,
    private readonly referrers: Map<string, Set<string>>,
  ) {}

  /** The request's viewer; each item shown to a partner is a read of the person's data, logged. */
  static ofRequest(ctx: RequestContext, items: readonly AgendaFacts[]): Promise<MeetingAudience> {
    const viewer = ctx.consent.viewer;
    return MeetingAudience.decide(ctx, viewer, ctx.consent, items);
  }

  /** What an invited organisation would see (staff preparing the agenda, or its copy of the minutes): nothing is logged. */
  static forOrganisation(ctx: RequestContext, organisation: { id: string; kind: PartnerViewer['organisationKind'] }, items: readonly AgendaFacts[]) {
    if (!isPartnerKind(organisation.kind)) return MeetingAudience.decide(ctx, null, null, items);
    const viewer = { organisationId: organisation.id, organisationKind: organisation.kind };
    const participantIds = [...new Set(items.flatMap((item) => (item.participantId ? [item.participantId] : [])))];
    return MeetingAudience.decide(ctx, viewer, ConsentScope.preview(ctx.em, activeMembership(ctx).tenantId, viewer, participantIds, ctx.now), items);
  }

  private static async decide(ctx: RequestContext, viewer: PartnerViewer | null, scope: ConsentScope | null, items: readonly AgendaFacts[]) {
    const decisions = new Map<string, MeetingSharing>();
    if (viewer && scope) {
      for (const participantId of new Set(items.flatMap((item) => (item.participantId ? [item.participantId] : [])))) {
        const decision = await scope.readForPurpose({ participantId }, MEETING_ITEM_CLASS, MEETING_PURPOSE);
        decisions.set(participantId, decision ? meetingSharing(decision) : MeetingSharing.SHARED);
      }
    }
    const referralIds = viewer ? [...new Set(items.flatMap((item) => (item.referralId ? [item.referralId] : [])))] : [];
    return new MeetingAudience(viewer, decisions, await referrersOf(ctx, referralIds));
  }

  /** Whether the organisation will see this item, and if not, why (the referent's indicator). */
  sharing(item: AgendaFacts): MeetingSharing {
    if (!this.viewer) return MeetingSharing.SHARED;
    if (item.participantId) return this.decisions.get(item.participantId) ?? MeetingSharing.NO_CONSENT;
    // A partner sees what it authored: the items about the referrals it made.
    if (item.referralId) return this.referrers.get(item.referralId)?.has(this.viewer.organisationId) ? MeetingSharing.SHARED : MeetingSharing.NO_CONSENT;
    return MeetingSharing.SHARED;
  }

  shows(item: AgendaFacts): boolean {
    return this.sharing(item) === MeetingSharing.SHARED;
  }
}

/** The organisations that referred each person (first referrer and those who joined), as far as the viewer may read them. */
async function referrersOf(ctx: RequestContext, referralIds: string[]): Promise<Map<string, Set<string>>> {
  const byReferral = new Map<string, Set<string>>();
  if (referralIds.length === 0) return byReferral;
  const add = (referralId: string, organisationId: string) => byReferral.set(referralId, (byReferral.get(referralId) ?? new Set()).add(organisationId));
  for (const referral of await ctx.em.find(Referral, { id: { $in: referralIds } }, { fields: ['referringOrganisation'] }))
    add(referral.id, referral.referringOrganisation.id);
  for (const submission of await ctx.em.find(ReferralSubmission, { referral: { $in: referralIds } }, { fields: ['referral', 'organisation'] }))
    add(submission.referral.id, submission.organisation.id);
  return byReferral;
}
