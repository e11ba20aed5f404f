import { rolesHolding, type MembershipRole } from '@jalon/domain';

/**
 * The memberships a participant's file or an appointment may be given to, as a query condition:
 * the active ones whose role holds a caseload (packages/domain capability.ts).
 */
export function readableReferents(): { role: { $in: MembershipRole[] }; active: true } {
  return { role: { $in: [...rolesHolding('holdCaseload')] }, active: true };
}
