import type { EntityManager } from '@mikro-orm/postgresql';
import { type ConsentTerms, decide, IDENTIFICATION, isPartnerKind, type PartnerViewer, NotificationKind, type OrganisationKind } from '@jalon/domain';
import type { RequestContext } from '../context/request-context';
import { ConsentScope } from './consent-scope';
import { activeMembership } from './tenant-scope';

/**
 * A notification that names a person is created and shown to a partner only while the partner
 * may see the person (the same decision as its reads, refusals and periods included):
 * « accord de partage : Revo R. » must not reach a partner the person refused, nor before the
 * grant starts, nor once it is withdrawn. The notices that its access ended name a person it saw
 * until then: they are created only if it did, and stay.
 */
const ACCESS_ENDED: readonly NotificationKind[] = [NotificationKind.CONSENT_REVOKED, NotificationKind.CONSENT_EXPIRED];

/** Whether `viewer` may see the person at `at` under these consents of theirs: whether news of them may name them to it. */
export function mayNamePerson(viewer: PartnerViewer, participantId: string, consents: readonly ConsentTerms[], at: Date): boolean {
  return decide(viewer, { participantId, fieldClass: IDENTIFICATION }, consents, at).allowed;
}

/** The viewer's notifications it may be shown now, as a query condition: counts, unread totals and pages leak nothing. */
export async function readableNotifications(ctx: RequestContext): Promise<Record<string, unknown>> {
  const mine = { organisation: activeMembership(ctx).organisationId };
  if (!ctx.consent.viewer) return mine;
  const visible = await ctx.consent.visibleParticipantIds();
  return { ...mine, $or: [{ participant: null }, { kind: { $in: ACCESS_ENDED } }, { participant: { $in: visible } }] };
}

/** What the rule reads of a notification (its organisation loaded): a Notification entity is one. */
export interface NotificationFacts {
  kind: NotificationKind;
  organisation: { id: string; kind: OrganisationKind };
  participant?: { id: string } | null;
}

/** For the mail sweep (acting as staff): whether the notification may still go to its organisation now. */
export async function mayStillTell(em: EntityManager, tenantId: string, notification: NotificationFacts, now: Date): Promise<boolean> {
  const participant = notification.participant;
  const organisation = notification.organisation;
  if (!participant || ACCESS_ENDED.includes(notification.kind) || !isPartnerKind(organisation.kind)) return true;
  const scope = ConsentScope.preview(em, tenantId, { organisationId: organisation.id, organisationKind: organisation.kind }, participant.id, now);
  return (await scope.visibleParticipantIds()).includes(participant.id);
}
