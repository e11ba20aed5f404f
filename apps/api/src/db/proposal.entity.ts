import { ManyToOne, Property, type Opt } from '@mikro-orm/core';
import { Participant } from '../modules/participants/participant.entity';
import { Pathway } from '../modules/participants/pathway.entity';
import { Stage } from '../modules/stages/stage.entity';
import { User } from '../modules/users/user.entity';
import { TenantOwnedEntity } from './tenant-owned.entity';

/**
 * What every proposal of a person to a partner carries (a candidacy on an employer's job offer, a
 * positioning on an operator's session): whom her referent proposed, on which pathway, and the
 * partner's answer. The partner sees it only under a consent; the subclass says which.
 */
export abstract class Proposal extends TenantOwnedEntity {
  @ManyToOne(() => Participant, { deleteRule: 'cascade' })
  participant!: Participant;

  @ManyToOne(() => Pathway, { deleteRule: 'cascade' })
  pathway!: Pathway;

  /** The partner's words with its answer (why it declined, for instance). */
  @Property({ type: 'text', nullable: true })
  answerNote?: string | null;

  @Property({ type: 'timestamptz', nullable: true })
  answeredAt?: Date | null;

  @ManyToOne(() => User, { nullable: true, deleteRule: 'restrict' })
  answeredBy?: User | null;

  /** Her stage of the action plan once the partner takes her: the job, or the session's training. */
  @ManyToOne(() => Stage, { nullable: true, deleteRule: 'set null' })
  stage?: Stage | null;

  @ManyToOne(() => User, { deleteRule: 'restrict' })
  proposedBy!: User;

  @Property({ type: 'timestamptz', onUpdate: () => new Date() })
  updatedAt: Date & Opt = new Date();
}
