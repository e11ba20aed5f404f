import { Entity, Enum, ManyToOne, Property, Unique, type Opt } from '@mikro-orm/core';
import { EmploymentSituation, EsfAnswer, ExitKind, PathwayStatus } from '@jalon/domain';
import { TenantOwnedEntity } from '../../db/tenant-owned.entity';
import { Participant } from './participant.entity';

/**
 * One entry of a person into the PLIE, from referral to closing. The situation at entry (ESF+
 * items) belongs to the pathway: a person who comes back is described anew.
 */
@Entity({ tableName: 'pathway' })
@Unique({ properties: ['participant', 'number'] })
export class Pathway extends TenantOwnedEntity {
  @ManyToOne(() => Participant, { deleteRule: 'cascade' })
  participant!: Participant;

  /** 1 for the first entry, 2 for a re-entry… */
  @Property({ type: 'integer' })
  number!: number;

  @Enum({ items: () => PathwayStatus, nativeEnumName: 'pathway_status' })
  status: PathwayStatus & Opt = PathwayStatus.PENDING_ACCREDITATION;

  @Property({ type: 'date' })
  referralDate!: string;

  /** The day the person entered (accreditation granted). */
  @Property({ type: 'date', nullable: true })
  entryDate?: string | null;

  @Property({ type: 'date', nullable: true })
  exitDate?: string | null;

  @Enum({ items: () => ExitKind, nativeEnumName: 'exit_kind', nullable: true })
  exitKind?: ExitKind | null;

  /** At the end of the in-job follow-up: whether the positive exit into a job is confirmed. */
  @Property({ type: 'boolean', nullable: true })
  exitValidated?: boolean | null;

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

  /** « Bénéficiaire du RSA » at entry: a PLIE item (the activity report counts it), not an ESF+ one. */
  @Enum({ items: () => EsfAnswer, nativeEnumName: 'esf_answer', nullable: true })
  minimumIncome?: EsfAnswer | null;
}
