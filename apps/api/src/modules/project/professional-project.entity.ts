import { Entity, ManyToOne, Property, Unique } from '@mikro-orm/core';
import type { TargetTradeStatus } from '@jalon/domain';
import { TenantOwnedEntity } from '../../db/tenant-owned.entity';
import { User } from '../users/user.entity';
import { Pathway } from '../participants/pathway.entity';

export interface TargetTrade {
  romeCode: string;
  status: TargetTradeStatus;
  /** In the person's own words, and what her stages brought. */
  skillsAcquired: string[];
  skillsToAcquire: string[];
}

/**
 * One version of a pathway's professional project: the trades aimed at, with their status and
 * skills. A change is a new version, as for the commitment contract, so the project's path (a
 * trade explored, then confirmed or abandoned) stays readable.
 */
@Entity({ tableName: 'professional_project' })
@Unique({ properties: ['pathway', 'number'] })
export class ProfessionalProject extends TenantOwnedEntity {
  @ManyToOne(() => Pathway, { deleteRule: 'cascade' })
  pathway!: Pathway;

  @Property({ type: 'integer' })
  number!: number;

  @Property({ type: 'json' })
  targets!: TargetTrade[];

  @ManyToOne(() => User, { deleteRule: 'restrict' })
  author!: User;
}
