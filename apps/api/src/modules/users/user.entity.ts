import { Entity, Property, Unique, type Opt } from '@mikro-orm/core';
import { BaseEntity } from '../../db/base.entity';

/**
 * A person who logs in. Global (a person may work for several PLIEs); what a user sees of a
 * tenant comes only through an active membership there. Her password is in UserCredential.
 */
@Entity({ tableName: 'app_user' })
export class User extends BaseEntity {
  /** Stored lower-cased: logins are case-insensitive. */
  @Property({ type: 'text' })
  @Unique()
  email!: string;

  @Property({ type: 'text' })
  displayName!: string;

  @Property({ type: 'text' })
  locale: string & Opt = 'fr';
}
