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

/** The referrals the viewer may read: every one for staff; for a partner, those it made or joined. */
export function readableReferrals(ctx: RequestContext): Record<string, unknown> {
  const own = ownOrganisationOnly(ctx).organisation;
  return own ? { $or: [{ referringOrganisation: own }, { submissions: { organisation: own } }] } : {};
}

/**
 * Whose access the viewer administers: the whole PLIE for its administrator (null), its own
 * organisation for a partner's administrator, who invites and deactivates her colleagues only.
 */
export function administeredOrganisation(ctx: RequestContext): string | null {
  const membership = activeMembership(ctx);
  return membership.role === MembershipRole.PARTNER_ADMIN ? membership.organisationId : null;
}
