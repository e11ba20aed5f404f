import { Migration } from '@mikro-orm/migrations';

/**
 * Login locking is counted from the login attempts, by email address, whether an account has it
 * or not (access/login-throttle.ts): the per-account counter and lock of `app_user` are no longer
 * read or written by anything.
 */
export class Migration20261204195000DropAccountLockColumns extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table "app_user" drop column "failed_login_count", drop column "locked_until";`);
  }
}
