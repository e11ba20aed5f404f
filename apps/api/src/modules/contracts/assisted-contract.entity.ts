import { ArrayType, Entity, Enum, JsonType, ManyToOne, OneToOne, Property, Unique } from '@mikro-orm/core';
import { AssistedContractKind, ContractEndReason, type ObstacleCategory, type SkillLevel } from '@jalon/domain';
import { MonthlyReport } from '../../db/monthly-report.entity';
import { TenantOwnedEntity } from '../../db/tenant-owned.entity';
import { Organisation } from '../organisations/organisation.entity';
import { Stage } from '../stages/stage.entity';
import { User } from '../users/user.entity';

/** The assisted contract a stage carries (CDDI, PEC, apprenticeship, PMSMP…), renewed and ended by the employer. */
@Entity({ tableName: 'assisted_contract' })
export class AssistedContract extends TenantOwnedEntity {
  @OneToOne(() => Stage, { owner: true, deleteRule: 'cascade', unique: true })
  stage!: Stage;

  @ManyToOne(() => Organisation, { deleteRule: 'restrict' })
  employer!: Organisation;

  @Enum({ items: () => AssistedContractKind, nativeEnumName: 'assisted_contract_kind' })
  contractType!: AssistedContractKind;

  @Property({ type: 'date' })
  startOn!: string;

  /** Planned end, moved by each renewal; null for an open-ended contract. */
  @Property({ type: 'date', nullable: true })
  endOn?: string | null;

  @Property({ type: 'double' })
  weeklyHours!: number;

  @Property({ type: 'text' })
  position!: string;

  @Property({ type: 'text', nullable: true })
  romeCode?: string | null;

  @Property({ type: 'text', nullable: true })
  tutorName?: string | null;

  /** The day it actually ended, and why (ASP exit reasons). */
  @Property({ type: 'date', nullable: true })
  endedOn?: string | null;

  @Enum({ items: () => ContractEndReason, nativeEnumName: 'contract_end_reason', nullable: true })
  endReason?: ContractEndReason | null;
}

/** A renewal: the contract's end moved, by whom. */
@Entity({ tableName: 'assisted_contract_renewal' })
export class ContractRenewal extends TenantOwnedEntity {
  @ManyToOne(() => AssistedContract, { deleteRule: 'cascade' })
  contract!: AssistedContract;

  @Property({ type: 'date', nullable: true })
  previousEndOn?: string | null;

  @Property({ type: 'date' })
  newEndOn!: string;

  @ManyToOne(() => Organisation, { deleteRule: 'restrict' })
  organisation!: Organisation;

  @ManyToOne(() => User, { deleteRule: 'restrict' })
  recordedBy!: User;

  @Property({ type: 'timestamptz' })
  recordedAt!: Date;
}

/** A skill the supervisor evaluated this month. */
export interface EvaluatedSkill {
  skill: string;
  level: SkillLevel;
}

/** The employer's report on a month of the contract: one per month. */
@Entity({ tableName: 'contract_report' })
@Unique({ properties: ['contract', 'period'] })
export class ContractReport extends MonthlyReport {
  @ManyToOne(() => AssistedContract, { deleteRule: 'cascade' })
  contract!: AssistedContract;

  @Property({ type: 'double' })
  hoursWorked!: number;

  @Property({ type: 'double' })
  trainingHours!: number;

  @Property({ type: 'text', nullable: true })
  trainingSubjects?: string | null;

  @Property({ type: 'double' })
  absenceHours!: number;

  @Property({ type: 'text', nullable: true })
  absenceNote?: string | null;

  @Property({ type: JsonType })
  skills!: EvaluatedSkill[];

  @Property({ type: ArrayType })
  obstaclesMet!: ObstacleCategory[];

  @Property({ type: 'text', nullable: true })
  incidents?: string | null;

  @Property({ type: 'text', nullable: true })
  comment?: string | null;
}
