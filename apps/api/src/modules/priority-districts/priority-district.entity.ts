import { Entity, Property, Unique } from '@mikro-orm/core';
import { TenantOwnedEntity } from '../../db/tenant-owned.entity';

/** A priority district (QPV) of the tenant's territory: imported from the ANCT file or entered by hand. */
@Entity({ tableName: 'priority_district' })
@Unique({ properties: ['tenant', 'code'] })
export class PriorityDistrict extends TenantOwnedEntity {
  @Property({ type: 'text' })
  code!: string;

  @Property({ type: 'text' })
  name!: string;

  /** INSEE codes of the communes it lies in. */
  @Property({ type: 'json' })
  communeCodes!: string[];
}
