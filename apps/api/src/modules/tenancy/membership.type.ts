import { Field, Int, ObjectType } from 'type-graphql';
import { MembershipRole } from '@jalon/domain';
import { Connection, Node, toGlobalId } from '../../graphql/relay';
import { OrganisationType } from '../organisations/organisation.type';
import { UserType } from '../users/user.type';
import type { Membership } from './membership.entity';
import { TenantType } from './tenant.type';

/** A user's role in an organisation; expects `user`, `organisation` and `tenant` populated. */
@ObjectType('Membership', { implements: Node })
export class MembershipType extends Node {
  readonly __typename = 'Membership';

  @Field(() => MembershipRole)
  role!: MembershipRole;

  @Field()
  active!: boolean;

  @Field(() => Int)
  version!: number;

  @Field()
  createdAt!: Date;

  @Field(() => UserType)
  user!: UserType;

  @Field(() => OrganisationType)
  organisation!: OrganisationType;

  @Field(() => TenantType)
  tenant!: TenantType;

  static from(m: Membership): MembershipType {
    return Object.assign(new MembershipType(), {
      id: toGlobalId('Membership', m.id),
      role: m.role,
      active: m.active,
      version: m.version,
      createdAt: m.createdAt,
      user: UserType.from(m.user),
      organisation: OrganisationType.from(m.organisation),
      tenant: TenantType.from(m.tenant),
    });
  }
}

@ObjectType('MembershipConnection')
export class MembershipConnection extends Connection(MembershipType, 'Membership') {}
