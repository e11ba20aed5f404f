import { Entity, ManyToOne, OneToOne, Property } from '@mikro-orm/core';
import { TenantOwnedEntity } from '../../db/tenant-owned.entity';
import { User } from '../users/user.entity';
import { Consent } from './consent.entity';

/** The signed form of a consent, kept in the database with the rest of the file (a new upload replaces it). */
@Entity({ tableName: 'consent_evidence' })
export class ConsentEvidence extends TenantOwnedEntity {
  @OneToOne(() => Consent, { owner: true, deleteRule: 'cascade', unique: true })
  consent!: Consent;

  @Property({ type: 'text' })
  fileName!: string;

  @Property({ type: 'text' })
  contentType!: string;

  @Property({ type: 'integer' })
  sizeBytes!: number;

  @Property({ type: 'text' })
  sha256!: string;

  /** Loaded only when the file itself is asked for. */
  @Property({ type: 'blob', lazy: true })
  content!: Buffer;

  @Property({ type: 'timestamptz' })
  uploadedAt!: Date;

  @ManyToOne(() => User, { deleteRule: 'restrict' })
  uploadedBy!: User;
}
