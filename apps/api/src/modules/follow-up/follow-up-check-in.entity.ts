import { Entity, ManyToOne, Property, Unique } from '@mikro-orm/core';
import { TenantOwnedEntity } from '../../db/tenant-owned.entity';
import { Pathway } from '../participants/pathway.entity';
import { User } from '../users/user.entity';

/** One of the in-job follow-up check-ins, 1, 3 and 6 months after a positive exit into a job. */
@Entity({ tableName: 'follow_up_check_in' })
@Unique({ properties: ['pathway', 'monthsAfterExit'] })
export class FollowUpCheckIn extends TenantOwnedEntity {
  @ManyToOne(() => Pathway, { deleteRule: 'cascade' })
  pathway!: Pathway;

  @Property({ type: 'smallint' })
  monthsAfterExit!: number;

  @Property({ type: 'date' })
  dueOn!: string;

  @Property({ type: 'date', nullable: true })
  doneOn?: string | null;

  /** Still in the job at the check-in. */
  @Property({ type: 'boolean', nullable: true })
  stillEmployed?: boolean | null;

  @Property({ type: 'text', nullable: true })
  employer?: string | null;

  @Property({ type: 'text', nullable: true })
  notes?: string | null;

  @ManyToOne(() => User, { deleteRule: 'restrict', nullable: true })
  recordedBy?: User | null;
}
