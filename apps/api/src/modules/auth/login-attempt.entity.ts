import { Entity, Index, PrimaryKey, Property, type Opt } from '@mikro-orm/core';

/** Every login attempt, kept to rate-limit by address and to audit. */
@Entity({ tableName: 'login_attempt' })
@Index({ properties: ['email', 'at'] })
@Index({ properties: ['ip', 'at'] })
export class LoginAttempt {
  @PrimaryKey({ type: 'bigint', autoincrement: true })
  id!: string;

  @Property({ type: 'text' })
  email!: string;

  @Property({ type: 'text' })
  ip!: string;

  @Property({ type: 'boolean' })
  succeeded!: boolean;

  @Property({ type: 'timestamptz' })
  at: Date & Opt = new Date();
}
