import { Entity, Index, ManyToOne, PrimaryKey, Property } from '@mikro-orm/core';
import { randomUUID } from 'node:crypto';
import { Tenant } from '../tenancy/tenant.entity';
import { User } from '../users/user.entity';
import { Participant } from './participant.entity';

export interface FieldChange {
  field: string;
  before: string | number | boolean | null;
  after: string | number | boolean | null;
}

/**
 * The history of a participant's file: who changed what, when. Append-only: the application role
 * may insert and read these rows, never update or delete them.
 */
@Entity({ tableName: 'participant_change' })
@Index({ properties: ['participant', 'at'] })
export class ParticipantChange {
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @ManyToOne(() => Tenant, { fieldName: 'tenant_id', deleteRule: 'cascade' })
  tenant!: Tenant;

  @ManyToOne(() => Participant, { deleteRule: 'cascade' })
  participant!: Participant;

  @Property({ type: 'timestamptz' })
  at!: Date;

  @ManyToOne(() => User, { deleteRule: 'restrict' })
  author!: User;

  /** What happened, as a stable key the portal translates (e.g. `participant.created`, `pathway.status`). */
  @Property({ type: 'text' })
  action!: string;

  @Property({ type: 'json' })
  changes!: FieldChange[];
}
