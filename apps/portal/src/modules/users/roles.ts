import { rolesAllowedIn, type OrganisationKind as DomainOrganisationKind } from '@jalon/domain';
import type { MembershipRole, OrganisationKind } from '@/gql/graphql';

/**
 * The roles that make sense in an organisation of this kind (the domain rule the API enforces):
 * partners get partner roles only, so the form never offers staff powers to a commune agent.
 */
export function allowedRoles(kind: OrganisationKind): MembershipRole[] {
  return rolesAllowedIn(kind as DomainOrganisationKind).map((role) => role as MembershipRole);
}
