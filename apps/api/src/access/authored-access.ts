import { isPartnerKind, MembershipRole } from '@jalon/domain';
import type { RequestContext } from '../context/request-context';
import { activeMembership } from './tenant-scope';

/**
 * What a partner wrote itself is its own: these conditions keep a partner to its organisation's
 * rows (referrals it made, its submissions and attachments), and let staff see every row of the
 * PLIE. Row-level security says the same underneath (the referral migrations).
 */
export function ownOrganisationOnly(ctx: RequestContext): { organisation?: string } {
  const membership = activeMembership(ctx);
  return isPartnerKind(membership.organisationKind) ? { organisation: membership.organisationId } : {};
}

/**
 * What the viewer reads of referrals: staff, the referrals themselves (null); a partner, only its
 * organisation's submissions (returned), each holding the person as that partner typed them and
 * the referral's progress since it submitted. The referral a partner joined may hold what another
 * partner typed, and a partner must never learn that someone else referred the person. Row-level
 * security says the same (the own-submissions migration).
 */
export function referralSubmitter(ctx: RequestContext): string | null {
  return ownOrganisationOnly(ctx).organisation ?? null;
}

/**
 * Whose access the viewer administers: the whole PLIE for its administrator (null), its own
 * organisation for a partner's administrator, who invites and deactivates her colleagues only.
 */
export function administeredOrganisation(ctx: RequestContext): string | null {
  const membership = activeMembership(ctx);
  return membership.role === MembershipRole.PARTNER_ADMIN ? membership.organisationId : null;
}
