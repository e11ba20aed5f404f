import { ManyToOne, Property, type Opt } from '@mikro-orm/core';
import { BaseEntity } from './base.entity';
import { Tenant } from '../modules/tenancy/tenant.entity';

/**
 * Base of every tenant-owned row. The `tenant` filter (db/orm-options.ts) and the RLS policies of
 * the migrations both key on `tenant_id`; `version` gives optimistic locking to rows several
 * people edit.
 */
export abstract class TenantOwnedEntity extends BaseEntity {
  @ManyToOne(() => Tenant, { fieldName: 'tenant_id', deleteRule: 'cascade' })
  tenant!: Tenant;

  @Property({ type: 'integer', version: true })
  version: number & Opt = 1;
}
