import { APP_ROLE } from '../../access/app-role';
import { RowLevelSecurityMigration } from './row-level-security-migration';

/**
 * A partner's administrator (and staff) read the accounts of the people whose access they manage,
 * and with them their password hashes. The hash moves to a table of its own, which only the login
 * path (the address being logged in) and the person herself read (db/rls/tables/user_credential.sql).
 * The existing hashes move with it. Memberships are written as the API allows (membership.sql).
 */
export class Migration20261207100000UserCredentials extends RowLevelSecurityMigration {
  override async up(): Promise<void> {
    this.addSql(
      `create table "user_credential" ("user_id" uuid not null primary key references "app_user" ("id") on update cascade on delete cascade, "password_hash" text not null);`,
    );
    this.addSql(`insert into "user_credential" ("user_id", "password_hash") select "id", "password_hash" from "app_user" where "password_hash" is not null;`);
    this.addSql(`alter table "app_user" drop column "password_hash";`);
    this.addSql(`grant select, insert, update on "user_credential" to ${APP_ROLE};`);
    await super.up();
  }
}
