import { Entity, ManyToOne, Property, Unique, type Opt } from '@mikro-orm/core';
import type { ImportField } from '@jalon/domain';
import { TenantOwnedEntity } from '../../db/tenant-owned.entity';
import { User } from '../users/user.entity';

/**
 * A file the animation team uploaded from another tool: its cells as read (headers apart), kept
 * so the mapping can be tried and the dry run repeated without sending it again; then when and
 * what its import created.
 */
@Entity({ tableName: 'import_file' })
export class ImportFile extends TenantOwnedEntity {
  @ManyToOne(() => User, { deleteRule: 'restrict' })
  author!: User;

  @Property({ type: 'text' })
  fileName!: string;

  @Property({ type: 'text' })
  sha256!: string;

  @Property({ type: 'json' })
  headers!: string[];

  /** Every line after the headers, one string per column, as the file gave them. */
  @Property({ type: 'json', lazy: true })
  rows!: string[][];

  @Property({ type: 'integer' })
  rowCount!: number;

  /** The source it was imported as (the mapping's name); null until imported. */
  @Property({ type: 'text', nullable: true })
  source?: string | null;

  @Property({ type: 'timestamptz', nullable: true })
  importedAt?: Date | null;

  @Property({ type: 'integer', nullable: true })
  createdParticipants?: number | null;

  @Property({ type: 'integer', nullable: true })
  createdPathways?: number | null;

  @Property({ type: 'integer', nullable: true })
  createdStages?: number | null;
}

/** The column of each Jalon field in a source's exports, saved to be proposed again next time. */
@Entity({ tableName: 'import_mapping' })
@Unique({ properties: ['tenant', 'source'] })
export class ImportMapping extends TenantOwnedEntity {
  @Property({ type: 'text' })
  source!: string;

  @Property({ type: 'json' })
  columns!: Partial<Record<ImportField, string>>;

  @Property({ type: 'timestamptz', onUpdate: () => new Date() })
  updatedAt: Date & Opt = new Date();
}
