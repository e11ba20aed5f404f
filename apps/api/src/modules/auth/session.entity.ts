import { Entity, ManyToOne, Property, Unique, type Opt } from '@mikro-orm/core';
import { BaseEntity } from '../../db/base.entity';
import { Membership } from '../tenancy/membership.entity';
import { User } from '../users/user.entity';

/** A server-side login session; the cookie holds a random token, the table only its SHA-256. */
@Entity({ tableName: 'session' })
export class Session extends BaseEntity {
  @Property({ type: 'text', hidden: true })
  @Unique()
  tokenHash!: string;

  @ManyToOne(() => User, { deleteRule: 'cascade' })
  user!: User;

  /** The membership the user is acting through (tenant, organisation, role). */
  @ManyToOne(() => Membership, { deleteRule: 'set null', nullable: true })
  membership?: Membership | null;

  @Property({ type: 'timestamptz' })
  expiresAt!: Date;

  @Property({ type: 'timestamptz' })
  lastSeenAt: Date & Opt = new Date();

  @Property({ type: 'timestamptz', nullable: true })
  revokedAt?: Date | null;

  @Property({ type: 'text', nullable: true })
  ip?: string | null;

  @Property({ type: 'text', nullable: true })
  userAgent?: string | null;
}
