import { Entity, OneToOne, Property } from '@mikro-orm/core';
import { User } from '../users/user.entity';

/**
 * What proves a user's identity, apart from her account: whoever may read an account (staff, a
 * partner's administrator for her colleagues) must not read its password hash. Only the login path
 * and the person herself read this row (db/rls/tables/user_credential.sql). None until the
 * invitation is accepted.
 */
@Entity({ tableName: 'user_credential' })
export class UserCredential {
  @OneToOne(() => User, { primary: true, deleteRule: 'cascade' })
  user!: User;

  /** argon2id. */
  @Property({ type: 'text', hidden: true })
  passwordHash!: string;
}
