import { Entity, ManyToOne, Property, Unique } from '@mikro-orm/core';
import { TenantOwnedEntity } from '../../db/tenant-owned.entity';
import { User } from '../users/user.entity';
import { Pathway } from './pathway.entity';

/**
 * One version of the tripartite commitment contract (participant, referent, animation team).
 * An amendment is a new version; earlier ones are kept as they were signed.
 */
@Entity({ tableName: 'commitment_contract' })
@Unique({ properties: ['pathway', 'number'] })
export class CommitmentContract extends TenantOwnedEntity {
  @ManyToOne(() => Pathway, { deleteRule: 'cascade' })
  pathway!: Pathway;

  @Property({ type: 'integer' })
  number!: number;

  @Property({ type: 'json' })
  objectives!: string[];

  @Property({ type: 'date' })
  startsOn!: string;

  @Property({ type: 'date' })
  reviewOn!: string;

  @Property({ type: 'date', nullable: true })
  signedByParticipantOn?: string | null;

  @Property({ type: 'date', nullable: true })
  signedByReferentOn?: string | null;

  @Property({ type: 'date', nullable: true })
  signedByAnimationTeamOn?: string | null;

  /** Why this version amends the previous one (null for the first). */
  @Property({ type: 'text', nullable: true })
  amendmentReason?: string | null;

  @ManyToOne(() => User, { deleteRule: 'restrict' })
  author!: User;
}
