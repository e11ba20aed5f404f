import { Entity, Property, Unique, type Opt } from '@mikro-orm/core';
import { DEFAULT_CASELOAD_TARGET } from '@jalon/domain';
import { BaseEntity } from '../../db/base.entity';

/** A PLIE: the unit of isolation. */
@Entity({ tableName: 'tenant' })
export class Tenant extends BaseEntity {
  @Property({ type: 'text' })
  @Unique()
  slug!: string;

  @Property({ type: 'text' })
  name!: string;

  /** Whether referents may read (never edit) their colleagues' participant files. */
  @Property({ type: 'boolean' })
  colleaguesCanRead: boolean & Opt = true;

  /** The active caseload each referent is expected to hold (monitoring). */
  @Property({ type: 'integer' })
  caseloadTarget: number & Opt = DEFAULT_CASELOAD_TARGET;
}
