import { Entity, Enum, ManyToOne, OneToOne, Property, type Opt } from '@mikro-orm/core';
import { EmploymentSituation, EsfAnswer } from '@jalon/domain';
import { TenantOwnedEntity } from '../../db/tenant-owned.entity';
import type { Pathway } from '../participants/pathway.entity';
import { EsfOperation } from './esf-operation.entity';

/**
 * A pathway's ESF+ data: its operation, the situation at entry (with the PLIE's own item, RSA), the exit questionnaire and the
 * result six months after leaving. It rests on a legal obligation, not on consent, and is never
 * shared with partners: it lives apart from `pathway` (which a partner may read under consent)
 * in a table whose row-level security admits the PLIE's staff only (db/rls/tables/esf_record.sql).
 * A pathway has none until one of its items is first written.
 */
@Entity({ tableName: 'esf_record' })
export class EsfRecord extends TenantOwnedEntity {
  // By name: Pathway imports this entity, and a class reference both ways would not initialise.
  @OneToOne({ entity: 'Pathway', inversedBy: 'esf', owner: true, unique: true, deleteRule: 'cascade' })
  pathway!: Pathway;

  @ManyToOne(() => EsfOperation, { nullable: true, deleteRule: 'restrict' })
  operation?: EsfOperation | null;

  @Enum({ items: () => EmploymentSituation, nativeEnumName: 'employment_situation', nullable: true })
  employmentSituation?: EmploymentSituation | null;

  /** ISCED 2011 level 0–8; null while unknown. */
  @Property({ type: 'smallint', nullable: true })
  educationLevel?: number | null;

  @Enum({ items: () => EsfAnswer, nativeEnumName: 'esf_answer', nullable: true })
  disability?: EsfAnswer | null;

  @Enum({ items: () => EsfAnswer, nativeEnumName: 'esf_answer', nullable: true })
  thirdCountryNational?: EsfAnswer | null;

  @Enum({ items: () => EsfAnswer, nativeEnumName: 'esf_answer', nullable: true })
  foreignBackground?: EsfAnswer | null;

  @Enum({ items: () => EsfAnswer, nativeEnumName: 'esf_answer', nullable: true })
  minority?: EsfAnswer | null;

  @Enum({ items: () => EsfAnswer, nativeEnumName: 'esf_answer', nullable: true })
  homeless?: EsfAnswer | null;

  @Enum({ items: () => EsfAnswer, nativeEnumName: 'esf_answer', nullable: true })
  ruralArea?: EsfAnswer | null;

  /** « Bénéficiaire du RSA » at entry: a PLIE item (the activity report counts it), not an ESF+ one, kept with them. */
  @Enum({ items: () => EsfAnswer, nativeEnumName: 'esf_answer', nullable: true })
  minimumIncome?: EsfAnswer | null;

  /** Within four weeks of leaving (EECR01–EECR04). */
  @Enum({ items: () => EsfAnswer, nativeEnumName: 'esf_answer', nullable: true })
  exitJobSearching?: EsfAnswer | null;

  @Enum({ items: () => EsfAnswer, nativeEnumName: 'esf_answer', nullable: true })
  exitInTraining?: EsfAnswer | null;

  @Enum({ items: () => EsfAnswer, nativeEnumName: 'esf_answer', nullable: true })
  exitQualification?: EsfAnswer | null;

  @Enum({ items: () => EsfAnswer, nativeEnumName: 'esf_answer', nullable: true })
  exitEmployed?: EsfAnswer | null;

  /** The day the exit questionnaire was collected (the four weeks are counted from the exit date). */
  @Property({ type: 'date', nullable: true })
  exitAnsweredOn?: string | null;

  /** Six months after leaving: in employment, including self-employment. */
  @Enum({ items: () => EsfAnswer, nativeEnumName: 'esf_answer', nullable: true })
  sixMonthEmployed?: EsfAnswer | null;

  /** Six months after leaving: a better situation on the labour market. */
  @Enum({ items: () => EsfAnswer, nativeEnumName: 'esf_answer', nullable: true })
  sixMonthBetterSituation?: EsfAnswer | null;

  @Property({ type: 'date', nullable: true })
  sixMonthAnsweredOn?: string | null;

  @Property({ type: 'timestamptz', onUpdate: () => new Date() })
  updatedAt: Date & Opt = new Date();
}
