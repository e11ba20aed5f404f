import { describe, expect, it } from 'vitest';
import { MembershipRole, isRoleAllowedIn } from './membership-role';
import { OrganisationKind } from './organisation-kind';

describe('roles allowed per organisation kind', () => {
  it('never gives staff powers to a partner organisation', () => {
    for (const kind of [OrganisationKind.COMMUNE, OrganisationKind.INTEGRATION_COMPANY, OrganisationKind.TRAINING_OPERATOR, OrganisationKind.OTHER_PARTNER]) {
      expect(isRoleAllowedIn(MembershipRole.TENANT_ADMIN, kind)).toBe(false);
      expect(isRoleAllowedIn(MembershipRole.REFERENT, kind)).toBe(false);
      expect(isRoleAllowedIn(MembershipRole.PARTNER_AGENT, kind)).toBe(true);
    }
  });
  it('gives partner roles to no staff organisation', () => {
    expect(isRoleAllowedIn(MembershipRole.PARTNER_AGENT, OrganisationKind.ANIMATION_TEAM)).toBe(false);
    expect(isRoleAllowedIn(MembershipRole.REFERENT, OrganisationKind.REFERENT_OPERATOR)).toBe(true);
  });
});
