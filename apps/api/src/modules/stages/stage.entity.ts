import { Entity, Enum, Index, ManyToOne, Property, type Opt } from '@mikro-orm/core';
import { StageStatus } from '@jalon/domain';
import { TenantOwnedEntity } from '../../db/tenant-owned.entity';
import { Organisation } from '../organisations/organisation.entity';
import { Pathway } from '../participants/pathway.entity';
import { StageKind } from './stage-kind.entity';

/** A step of the action plan, usually delivered by a partner organisation. */
@Entity({ tableName: 'stage' })
@Index({ properties: ['pathway', 'plannedStart'] })
export class Stage extends TenantOwnedEntity {
  @ManyToOne(() => Pathway, { deleteRule: 'cascade' })
  pathway!: Pathway;

  @ManyToOne(() => StageKind, { deleteRule: 'restrict' })
  kind!: StageKind;

  /** The partner (or staff organisation) that runs it; none for, e.g., the person's own job search. */
  @ManyToOne(() => Organisation, { deleteRule: 'restrict', nullable: true })
  operator?: Organisation | null;

  @Enum({ items: () => StageStatus, nativeEnumName: 'stage_status' })
  status: StageStatus & Opt = StageStatus.PLANNED;

  @Property({ type: 'date' })
  plannedStart!: string;

  @Property({ type: 'date', nullable: true })
  plannedEnd?: string | null;

  @Property({ type: 'date', nullable: true })
  actualStart?: string | null;

  @Property({ type: 'date', nullable: true })
  actualEnd?: string | null;

  /** ROME 4.0 trade targeted, e.g. K2204. */
  @Property({ type: 'text', nullable: true })
  romeCode?: string | null;

  @Property({ type: 'text', nullable: true })
  outcome?: string | null;

  /** What may be shared with partners (under consent). */
  @Property({ type: 'text', nullable: true })
  sharedSummary?: string | null;

  /** The referent's own notes on the stage: never shared, never exported to partners. */
  @Property({ type: 'text', nullable: true })
  privateNotes?: string | null;
}
