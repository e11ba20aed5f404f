import { Entity, Enum, ManyToOne, OneToOne, Property, Unique, type Opt } from '@mikro-orm/core';
import { ExitKind, PathwayStatus } from '@jalon/domain';
import { TenantOwnedEntity } from '../../db/tenant-owned.entity';
import { Participant } from './participant.entity';
import { EsfRecord } from '../esf/esf-record.entity';

/**
 * One entry of a person into the PLIE, from referral to closing. The situation at entry (ESF+
 * items, in its EsfRecord) belongs to the pathway: a person who comes back is described anew.
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

  /** The day the pathway closed: its file's retention counts from the last one (packages/domain retention.ts). */
  @Property({ type: 'date', nullable: true })
  closedOn?: string | null;

  @Enum({ items: () => ExitKind, nativeEnumName: 'exit_kind', nullable: true })
  exitKind?: ExitKind | null;

  /** At the end of the in-job follow-up: whether the positive exit into a job is confirmed. */
  @Property({ type: 'boolean', nullable: true })
  exitValidated?: boolean | null;

  /** Its ESF+ data, apart because a partner never reads it (see EsfRecord); null until first written. */
  @OneToOne(() => EsfRecord, (record) => record.pathway, { nullable: true })
  esf?: EsfRecord | null;
}
