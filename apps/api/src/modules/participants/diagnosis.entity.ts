import { Entity, OneToOne, Property, type Opt } from '@mikro-orm/core';
import type { ObstacleCategory } from '@jalon/domain';
import { TenantOwnedEntity } from '../../db/tenant-owned.entity';
import { Pathway } from './pathway.entity';

export interface Obstacle {
  category: ObstacleCategory;
  note: string | null;
}

/** What reception found: strengths, obstacles (freins) by category, and needs. One per pathway. */
@Entity({ tableName: 'diagnosis' })
export class Diagnosis extends TenantOwnedEntity {
  @OneToOne(() => Pathway, { owner: true, deleteRule: 'cascade', unique: true })
  pathway!: Pathway;

  @Property({ type: 'text', nullable: true })
  strengths?: string | null;

  @Property({ type: 'json' })
  obstacles: Obstacle[] & Opt = [];

  @Property({ type: 'text', nullable: true })
  needs?: string | null;

  @Property({ type: 'date', nullable: true })
  carriedOutOn?: string | null;

  /** ROME codes of the jobs the person held before: close-trade suggestions start from them. */
  @Property({ type: 'json' })
  pastTrades: string[] & Opt = [];

  @Property({ type: 'timestamptz', onUpdate: () => new Date() })
  updatedAt: Date & Opt = new Date();
}
