import { Field, ObjectType } from 'type-graphql';
import { CAPABILITIES, capabilitiesOf, type Capability } from '@jalon/domain';
import type { Membership } from '../tenancy/membership.entity';
import { MembershipType } from '../tenancy/membership.type';
import { UserType } from '../users/user.type';

/**
 * What the active membership may do, one Boolean per capability of the domain table, so the
 * portal shows and hides pages and buttons from the same table the API enforces.
 */
@ObjectType('Capabilities', { description: 'What the active membership may do (packages/domain, capability.ts); all false without one' })
export class CapabilitiesType {
  static of(membership: MembershipType | null): CapabilitiesType {
    const none = Object.fromEntries(CAPABILITIES.map((capability) => [capability, false])) as Record<Capability, boolean>;
    return Object.assign(new CapabilitiesType(), membership ? capabilitiesOf({ role: membership.role, organisationKind: membership.organisation.kind }) : none);
  }
}
// One field per capability, declared from the table so a new capability reaches the schema by itself.
for (const capability of CAPABILITIES) Field(() => Boolean)(CapabilitiesType.prototype, capability);

/** The logged-in user, the membership they act through, and those they can switch to. */
@ObjectType('Viewer')
export class ViewerType {
  @Field(() => UserType)
  user!: UserType;

  @Field(() => MembershipType, { nullable: true, description: 'Null when the user has no active membership left' })
  activeMembership!: MembershipType | null;

  @Field(() => [MembershipType], { description: 'Active memberships in every tenant, for the switcher' })
  memberships!: MembershipType[];

  @Field(() => CapabilitiesType)
  can!: CapabilitiesType;

  @Field({ description: "The active membership's PLIE lets referents read their operator colleagues' files (a PLIE setting)" })
  colleaguesCanRead!: boolean;

  static of(user: UserType, active: Membership | null, memberships: Membership[]): ViewerType {
    const activeMembership = active && MembershipType.from(active);
    return {
      user,
      activeMembership,
      memberships: memberships.map(MembershipType.from),
      can: CapabilitiesType.of(activeMembership),
      colleaguesCanRead: active?.tenant.colleaguesCanRead ?? false,
    };
  }
}
