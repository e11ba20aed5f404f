import { Entity, Enum, Index, ManyToOne, Property, Unique, type Opt } from '@mikro-orm/core';
import { PositioningStatus, ProgrammeActionStatus, ProgrammeFunding } from '@jalon/domain';
import { Proposal } from '../../db/proposal.entity';
import { TenantOwnedEntity } from '../../db/tenant-owned.entity';
import { EsfOperation } from '../esf/esf-operation.entity';
import { Organisation } from '../organisations/organisation.entity';
import { Participant } from '../participants/participant.entity';
import { StageKind } from '../stages/stage-kind.entity';
import { User } from '../users/user.entity';

/** An action the PLIE funds and schedules with an operator (« programmation »). */
@Entity({ tableName: 'programme_action' })
export class ProgrammeAction extends TenantOwnedEntity {
  @Property({ type: 'text' })
  title!: string;

  /** The partner organisation that runs it: it sees the positionings the people share with it. */
  @ManyToOne(() => Organisation, { deleteRule: 'restrict' })
  operator!: Organisation;

  /** What an accepted person's stage is. */
  @ManyToOne(() => StageKind, { deleteRule: 'restrict' })
  kind!: StageKind;

  @Enum({ items: () => ProgrammeFunding, nativeEnumName: 'programme_funding' })
  funding!: ProgrammeFunding;

  /** The ESF+ operation that funds it, when the funding is ESF+. */
  @ManyToOne(() => EsfOperation, { nullable: true, deleteRule: 'restrict' })
  esfOperation?: EsfOperation | null;

  /** Which commune or funder, when it is neither the PLIE nor ESF+. */
  @Property({ type: 'text', nullable: true })
  funder?: string | null;

  @Property({ type: 'text' })
  targetPublic!: string;

  @Enum({ items: () => ProgrammeActionStatus, nativeEnumName: 'programme_action_status' })
  status: ProgrammeActionStatus & Opt = ProgrammeActionStatus.PLANNED;

  @ManyToOne(() => User, { deleteRule: 'restrict' })
  author!: User;

  @Property({ type: 'timestamptz', onUpdate: () => new Date() })
  updatedAt: Date & Opt = new Date();
}

/** One session of an action: its dates, where, and how many places. */
@Entity({ tableName: 'programme_session' })
@Index({ properties: ['action', 'startsOn'] })
export class ProgrammeSession extends TenantOwnedEntity {
  @ManyToOne(() => ProgrammeAction, { deleteRule: 'cascade' })
  action!: ProgrammeAction;

  @Property({ type: 'date' })
  startsOn!: string;

  @Property({ type: 'date' })
  endsOn!: string;

  /** INSEE code of the commune where it is held. */
  @Property({ type: 'text' })
  communeCode!: string;

  @Property({ type: 'integer' })
  places!: number;
}

/**
 * A person proposed on a session by her referent. The operator sees it only under a consent that
 * shares the action's kind of stage with it (db/rls/functions/jalon_partner_positionings.sql).
 */
@Entity({ tableName: 'positioning' })
@Unique({ properties: ['session', 'pathway'] })
export class Positioning extends Proposal {
  @ManyToOne(() => ProgrammeSession, { deleteRule: 'cascade' })
  session!: ProgrammeSession;

  /** Why her referent proposes her: written for the operator. */
  @Property({ type: 'text' })
  reason!: string;

  @Enum({ items: () => PositioningStatus, nativeEnumName: 'positioning_status' })
  status: PositioningStatus & Opt = PositioningStatus.PROPOSED;

  /** Her place on the waiting list: the first to wait is the first promoted. */
  @Property({ type: 'timestamptz', nullable: true })
  waitingSince?: Date | null;
}
/** An unmet need a referent records for the programme: a kind of action, where, for how many, for when. */
@Entity({ tableName: 'programme_need' })
@Index({ properties: ['tenant', 'quarter'] })
export class ProgrammeNeed extends TenantOwnedEntity {
  @ManyToOne(() => StageKind, { deleteRule: 'restrict' })
  kind!: StageKind;

  @Property({ type: 'text' })
  communeCode!: string;

  @Property({ type: 'integer' })
  people!: number;

  /** 'YYYY-MM' or 'YYYY-Qn'. */
  @Property({ type: 'text' })
  period!: string;

  /** The quarter it falls in, by which needs are added up. */
  @Property({ type: 'text' })
  quarter!: string;

  /** The person it is for, when it is hers (one person then). */
  @ManyToOne(() => Participant, { nullable: true, deleteRule: 'cascade' })
  participant?: Participant | null;

  @Property({ type: 'text', nullable: true })
  note?: string | null;

  @ManyToOne(() => User, { deleteRule: 'restrict' })
  author!: User;
}
