import { isPartnerKind, MembershipRole, type OrganisationKind } from '@jalon/domain';
import type { RequestContext } from '../context/request-context';
import { activeMembership } from './tenant-scope';

/**
 * What a partner wrote itself is its own: this condition keeps a partner to its organisation's
 * rows (referrals it made, its submissions and attachments), and lets staff see every row of the
 * PLIE. Row-level security says the same underneath (db/rls/tables/referral*.sql).
 */
export function readableAuthoredRows(ctx: RequestContext): { organisation?: string } {
  const membership = activeMembership(ctx);
  return isPartnerKind(membership.organisationKind) ? { organisation: membership.organisationId } : {};
}

/**
 * What the viewer reads of referrals: staff, the referrals themselves (null); a partner, only its
 * organisation's submissions (returned), each holding the person as that partner typed them and
 * the referral's progress since it submitted. The referral a partner joined may hold what another
 * partner typed, and a partner must never learn that someone else referred the person. It is also
 * the only organisation a partner may refer for. Row-level security says the same
 * (db/rls/tables/referral_submission.sql).
 */
export function readableSubmitter(ctx: RequestContext): string | null {
  return readableAuthoredRows(ctx).organisation ?? null;
}

/** Whether staff may record a referral as coming from this organisation: a partner's, never the PLIE's own staff. */
export function mayBeReferrer(organisation: { kind: OrganisationKind }): boolean {
  return isPartnerKind(organisation.kind);
}

/**
 * Whose members and invitations the viewer administers: the whole PLIE for its administrator (null),
 * its own organisation for a partner's administrator, who invites and deactivates her colleagues only.
 */
export function readableMembersOrganisation(ctx: RequestContext): string | null {
  const membership = activeMembership(ctx);
  return membership.role === MembershipRole.PARTNER_ADMIN ? membership.organisationId : null;
}
