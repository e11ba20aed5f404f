import { ManyToOne, Property } from '@mikro-orm/core';
import { TenantOwnedEntity } from '../../db/tenant-owned.entity';
import { User } from '../users/user.entity';

/**
 * A document kept in the database with the file it belongs to (a signed consent form, a referral's
 * attachment, a meeting's document): PDF, JPEG or PNG checked by its bytes (uploaded-file.ts).
 */
export abstract class StoredDocument extends TenantOwnedEntity {
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
