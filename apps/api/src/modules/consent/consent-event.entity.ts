import { Entity, Enum, ManyToOne, PrimaryKey, Property } from '@mikro-orm/core';
import { randomUUID } from 'node:crypto';
import { Tenant } from '../tenancy/tenant.entity';
import { User } from '../users/user.entity';
import { Consent } from './consent.entity';

export enum ConsentEventAction {
  GRANTED = 'GRANTED',
  AMENDED = 'AMENDED',
  REVOKED = 'REVOKED',
  EXPIRED = 'EXPIRED',
}

/** The append-only history of a consent (the application role may insert and read, never change). */
@Entity({ tableName: 'consent_event' })
export class ConsentEvent {
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @ManyToOne(() => Tenant, { fieldName: 'tenant_id', deleteRule: 'cascade' })
  tenant!: Tenant;

  @ManyToOne(() => Consent, { deleteRule: 'cascade' })
  consent!: Consent;

  @Enum({ items: () => ConsentEventAction, nativeEnumName: 'consent_event_action' })
  action!: ConsentEventAction;

  @Property({ type: 'timestamptz' })
  at!: Date;

  /** Null when the system did it (expiry). */
  @ManyToOne(() => User, { deleteRule: 'restrict', nullable: true })
  author?: User | null;

  @Property({ type: 'text', nullable: true })
  reason?: string | null;
}
