import { DecimalType, Entity, Enum, Index, ManyToOne, Property, type Opt } from '@mikro-orm/core';
import { ClausePlacementKind } from '@jalon/domain';
import { TenantOwnedEntity } from '../../db/tenant-owned.entity';
import { Company } from '../companies/company.entity';
import { Participant } from '../participants/participant.entity';
import { User } from '../users/user.entity';

/**
 * The social clause of a public contract a followed company won: the buyer, the contract (name,
 * reference, lot), its period and the hours of integration it owes. The hours done are the sum of
 * its placements' recorded hours, counted in SQL (social-clause.query.ts).
 */
@Entity({ tableName: 'social_clause' })
@Index({ properties: ['tenant', 'endsOn'] })
export class SocialClause extends TenantOwnedEntity {
  @ManyToOne(() => Company, { deleteRule: 'cascade' })
  company!: Company;

  /** The public buyer: the metropolis, a commune, a social landlord… */
  @Property({ type: 'text' })
  buyer!: string;

  @Property({ type: 'text' })
  contractName!: string;

  /** The buyer's reference of the contract (« n° de marché »). */
  @Property({ type: 'text', nullable: true })
  reference?: string | null;

  @Property({ type: 'text', nullable: true })
  lot?: string | null;

  @Property({ type: 'date' })
  startsOn!: string;

  @Property({ type: 'date' })
  endsOn!: string;

  @Property({ type: new DecimalType('number'), columnType: 'numeric(9,2)' })
  hoursOwed!: number;

  @Property({ type: 'text', nullable: true })
  notes?: string | null;

  @Property({ type: 'timestamptz', onUpdate: () => new Date() })
  updatedAt: Date & Opt = new Date();
}

/**
 * A person of the PLIE placed on a clause's hours: hired by the company, made available by an
 * integration company, or in training; with the position and the days. Names a participant: staff
 * only, as is all of a clause.
 */
@Entity({ tableName: 'clause_placement' })
export class ClausePlacement extends TenantOwnedEntity {
  @ManyToOne(() => SocialClause, { deleteRule: 'cascade' })
  clause!: SocialClause;

  /** Null once the person's file is erased: her hours still count for the clause. */
  @ManyToOne(() => Participant, { nullable: true, deleteRule: 'set null' })
  participant?: Participant | null;

  @Enum({ items: () => ClausePlacementKind, nativeEnumName: 'clause_placement_kind' })
  kind!: ClausePlacementKind;

  /** The integration company (ETTI, ACI…) that made the person available, for that kind. */
  @ManyToOne(() => Company, { nullable: true, deleteRule: 'set null' })
  intermediary?: Company | null;

  @Property({ type: 'text', nullable: true })
  position?: string | null;

  @Property({ type: 'date' })
  startsOn!: string;

  /** Null while the placement goes on. */
  @Property({ type: 'date', nullable: true })
  endsOn?: string | null;

  @ManyToOne(() => User, { deleteRule: 'restrict' })
  author!: User;
}

/** Hours a placed person did over a span of days, as the company or the person reported them. */
@Entity({ tableName: 'clause_hours' })
export class ClauseHours extends TenantOwnedEntity {
  @ManyToOne(() => ClausePlacement, { deleteRule: 'cascade' })
  placement!: ClausePlacement;

  @Property({ type: 'date' })
  fromOn!: string;

  @Property({ type: 'date' })
  toOn!: string;

  @Property({ type: new DecimalType('number'), columnType: 'numeric(8,2)' })
  hours!: number;

  @ManyToOne(() => User, { deleteRule: 'restrict' })
  author!: User;
}
