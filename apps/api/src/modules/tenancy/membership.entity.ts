import { Entity, Enum, ManyToOne, Property, Unique, type Opt } from '@mikro-orm/core';
import { MembershipRole } from '@jalon/domain';
import { TenantOwnedEntity } from '../../db/tenant-owned.entity';
import { Organisation } from '../organisations/organisation.entity';
import { User } from '../users/user.entity';

/** A user's role in one organisation of one tenant. Deactivating it cuts access to that tenant only. */
@Entity({ tableName: 'membership' })
@Unique({ properties: ['tenant', 'user', 'organisation'] })
export class Membership extends TenantOwnedEntity {
  @ManyToOne(() => User, { deleteRule: 'cascade' })
  user!: User;

  @ManyToOne(() => Organisation, { deleteRule: 'cascade' })
  organisation!: Organisation;

  @Enum({ items: () => MembershipRole, nativeEnumName: 'membership_role' })
  role!: MembershipRole;

  @Property({ type: 'boolean' })
  active: boolean & Opt = true;
}
