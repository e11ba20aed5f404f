import { Entity, Enum, ManyToOne, OneToOne, Property, Unique } from '@mikro-orm/core';
import { TrainingOutcome } from '@jalon/domain';
import { MonthlyReport } from '../../db/monthly-report.entity';
import { TenantOwnedEntity } from '../../db/tenant-owned.entity';
import { Organisation } from '../organisations/organisation.entity';
import { Stage } from '../stages/stage.entity';
import { User } from '../users/user.entity';

/** A trainee's attendance over a month of a training stage, as the training operator records it. */
@Entity({ tableName: 'training_attendance' })
@Unique({ properties: ['stage', 'period'] })
export class TrainingAttendance extends MonthlyReport {
  @ManyToOne(() => Stage, { deleteRule: 'cascade' })
  stage!: Stage;

  @Property({ type: 'double' })
  hoursPlanned!: number;

  @Property({ type: 'double' })
  hoursAttended!: number;

  @Property({ type: 'text', nullable: true })
  absenceNote?: string | null;
}

/** How the training ended for the trainee: completed, certified (and which certification), or dropped out (and why). */
@Entity({ tableName: 'training_result' })
export class TrainingResult extends TenantOwnedEntity {
  @OneToOne(() => Stage, { owner: true, deleteRule: 'cascade', unique: true })
  stage!: Stage;

  @Enum({ items: () => TrainingOutcome, nativeEnumName: 'training_outcome' })
  outcome!: TrainingOutcome;

  @Property({ type: 'date' })
  endedOn!: string;

  @Property({ type: 'text', nullable: true })
  certification?: string | null;

  @Property({ type: 'text', nullable: true })
  dropOutReason?: string | null;

  @ManyToOne(() => Organisation, { deleteRule: 'restrict' })
  authorOrganisation!: Organisation;

  @ManyToOne(() => User, { deleteRule: 'restrict' })
  author!: User;

  @Property({ type: 'timestamptz' })
  recordedAt!: Date;
}
