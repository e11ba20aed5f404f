import { Entity, Enum, ManyToOne, Property, Unique } from '@mikro-orm/core';
import { MembershipRole } from '@jalon/domain';
import { TenantOwnedEntity } from '../../db/tenant-owned.entity';
import { Organisation } from '../organisations/organisation.entity';
import { User } from './user.entity';

/** An invitation to join an organisation with a role; only the hash of its token is stored. */
@Entity({ tableName: 'invitation' })
export class Invitation extends TenantOwnedEntity {
  @Property({ type: 'text' })
  email!: string;

  @Property({ type: 'text' })
  displayName!: string;

  @ManyToOne(() => Organisation, { deleteRule: 'cascade' })
  organisation!: Organisation;

  @Enum({ items: () => MembershipRole, nativeEnumName: 'membership_role' })
  role!: MembershipRole;

  @Property({ type: 'text', hidden: true })
  @Unique()
  tokenHash!: string;

  @ManyToOne(() => User, { deleteRule: 'set null', nullable: true })
  invitedBy?: User | null;

  @Property({ type: 'timestamptz' })
  expiresAt!: Date;

  @Property({ type: 'timestamptz', nullable: true })
  acceptedAt?: Date | null;

  @Property({ type: 'timestamptz', nullable: true })
  revokedAt?: Date | null;
}
