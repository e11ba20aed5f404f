import { RowLevelSecurityMigration } from './row-level-security-migration';

/**
 * A partner's consents read by jalon_open_session() (db/rls/functions), in the request's first
 * statement rather than one of their own (issue 15: 6 → 5 statements for the partner's list). Its
 * result gains a column, which `create or replace` cannot do: the function is dropped here and
 * made again from its file with every row-level security file, in the same transaction.
 */
export class Migration20261217110000PartnerConsentsAtOpening extends RowLevelSecurityMigration {
  override async up(): Promise<void> {
    this.addSql('drop function if exists jalon_open_session(text, timestamp with time zone);');
    await super.up();
  }
}
