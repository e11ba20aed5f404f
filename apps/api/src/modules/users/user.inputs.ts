import { Field, ID, InputType, Int } from 'type-graphql';
import { MembershipRole, PASSWORD_MAX_LENGTH } from '@jalon/domain';
import { MaxLength } from '../../graphql/input-limits';

@InputType()
export class MemberFilter {
  @Field(() => ID, { nullable: true })
  organisationId?: string | null;

  @Field(() => String, { nullable: true, description: 'Part of the name or email, any case' })
  search?: string | null;

  @Field({ nullable: true, defaultValue: false })
  includeInactive!: boolean;
}

@InputType()
export class InviteUserInput {
  @MaxLength(254)
  @Field()
  email!: string;

  @Field()
  displayName!: string;

  @Field(() => ID)
  organisationId!: string;

  @Field(() => MembershipRole)
  role!: MembershipRole;
}

@InputType()
export class AcceptInvitationInput {
  @Field()
  token!: string;

  @MaxLength(PASSWORD_MAX_LENGTH)
  @Field({ description: 'The new password, or the current one when an account already exists' })
  password!: string;
}

@InputType()
export class SetMembershipActiveInput {
  @Field(() => ID)
  membershipId!: string;

  @Field(() => Int)
  version!: number;

  @Field()
  active!: boolean;
}
