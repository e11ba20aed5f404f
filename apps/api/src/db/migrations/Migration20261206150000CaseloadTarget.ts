import { Migration } from '@mikro-orm/migrations';

/**
 * Each PLIE sets the active caseload its referents are expected to hold (issue 13 §3): the
 * monitoring compares every referent's caseload with it. 70 is the usual figure.
 */
export class Migration20261206150000CaseloadTarget extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table "tenant" add column "caseload_target" integer not null default 70 check ("caseload_target" between 1 and 200);`);
  }
}
