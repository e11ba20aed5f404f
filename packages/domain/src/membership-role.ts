import { OrganisationKind, isPartnerKind } from './organisation-kind';

/** The role a user holds in one organisation of one tenant. */
export enum MembershipRole {
  TENANT_ADMIN = 'TENANT_ADMIN',
  ANIMATION_TEAM = 'ANIMATION_TEAM',
  REFERENT = 'REFERENT',
  PARTNER_AGENT = 'PARTNER_AGENT',
  PARTNER_ADMIN = 'PARTNER_ADMIN',
}

export const PARTNER_ROLES: readonly MembershipRole[] = [MembershipRole.PARTNER_AGENT, MembershipRole.PARTNER_ADMIN];

/**
 * Which roles make sense in an organisation of a given kind: partners get partner roles only,
 * so a commune agent can never be given staff powers by a slip in the admin screen.
 */
export function rolesAllowedIn(kind: OrganisationKind): readonly MembershipRole[] {
  if (isPartnerKind(kind)) return PARTNER_ROLES;
  if (kind === OrganisationKind.ANIMATION_TEAM) {
    return [MembershipRole.TENANT_ADMIN, MembershipRole.ANIMATION_TEAM, MembershipRole.REFERENT];
  }
  return [MembershipRole.REFERENT, MembershipRole.TENANT_ADMIN];
}

export function isRoleAllowedIn(role: MembershipRole, kind: OrganisationKind): boolean {
  return rolesAllowedIn(kind).includes(role);
}
