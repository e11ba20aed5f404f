import { Field, ObjectType } from 'type-graphql';
import { MembershipType } from '../tenancy/membership.type';
import { UserType } from '../users/user.type';

/** The logged-in user, the membership they act through, and those they can switch to. */
@ObjectType('Viewer')
export class ViewerType {
  @Field(() => UserType)
  user!: UserType;

  @Field(() => MembershipType, { nullable: true, description: 'Null when the user has no active membership left' })
  activeMembership!: MembershipType | null;

  @Field(() => [MembershipType], { description: 'Active memberships in every tenant, for the switcher' })
  memberships!: MembershipType[];
}
