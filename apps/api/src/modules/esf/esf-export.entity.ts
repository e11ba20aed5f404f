import { Entity, ManyToOne, Property } from '@mikro-orm/core';
import { TenantOwnedEntity } from '../../db/tenant-owned.entity';
import { User } from '../users/user.entity';
import { EsfOperation } from './esf-operation.entity';

/**
 * One file sent to the managing authority for an operation: who wrote it, when, complete or only
 * what changed since the last accepted export, and, once the authority answered, when and how
 * many lines it rejected. Its lines are in `esf_export_line`, as written (esf-export.query.ts).
 */
@Entity({ tableName: 'esf_export' })
export class EsfExport extends TenantOwnedEntity {
  @ManyToOne(() => EsfOperation, { deleteRule: 'restrict' })
  operation!: EsfOperation;

  /** The layout version the file is written in. */
  @Property({ type: 'text' })
  layout!: string;

  /** Every participant of the operation (true) or those new or changed since the last accepted export. */
  @Property({ type: 'boolean' })
  complete!: boolean;

  @Property({ type: 'integer' })
  lineCount!: number;

  @ManyToOne(() => User, { deleteRule: 'restrict' })
  createdBy!: User;

  /** When the authority's answer was recorded (its error file, or « aucun rejet »); null while awaited. */
  @Property({ type: 'timestamptz', nullable: true })
  answeredAt?: Date | null;

  @ManyToOne(() => User, { nullable: true, deleteRule: 'restrict' })
  answeredBy?: User | null;

  @Property({ type: 'text', nullable: true })
  errorFileName?: string | null;

  @Property({ type: 'integer', nullable: true })
  rejectedCount?: number | null;
}
