import { Entity, Enum, Property, Unique, type Opt } from '@mikro-orm/core';
import { StageCategory } from '@jalon/domain';
import { TenantOwnedEntity } from '../../db/tenant-owned.entity';

/** One entry of a tenant's catalogue of stage kinds, seeded from the shared taxonomy. */
@Entity({ tableName: 'stage_kind' })
@Unique({ properties: ['tenant', 'code'] })
export class StageKind extends TenantOwnedEntity {
  @Property({ type: 'text' })
  code!: string;

  @Enum({ items: () => StageCategory, nativeEnumName: 'stage_category' })
  category!: StageCategory;

  @Property({ type: 'text' })
  labelFr!: string;

  @Property({ type: 'text' })
  labelEn!: string;

  @Property({ type: 'boolean' })
  active: boolean & Opt = true;
}
