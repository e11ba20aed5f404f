import { Entity, ManyToOne, Property, Unique } from '@mikro-orm/core';
import { BaseEntity } from '../../db/base.entity';
import { Tenant } from '../tenancy/tenant.entity';
import { User } from '../users/user.entity';

/**
 * Remembers what a create mutation made for a client-chosen key, so a retried request never creates
 * twice. A key is its sender's: row-level security shows it to nobody else.
 */
@Entity({ tableName: 'idempotency_key' })
@Unique({ properties: ['tenant', 'user', 'key'] })
export class IdempotencyKey extends BaseEntity {
  @ManyToOne(() => Tenant, { fieldName: 'tenant_id', deleteRule: 'cascade' })
  tenant!: Tenant;

  @ManyToOne(() => User, { fieldName: 'user_id', deleteRule: 'cascade' })
  user!: User;

  @Property({ type: 'text' })
  key!: string;

  /** The mutation that used the key: the same key sent to another mutation is refused. */
  @Property({ type: 'text' })
  operation!: string;

  @Property({ type: 'uuid' })
  resultId!: string;
}
