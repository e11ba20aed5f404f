import { RowLevelSecurityMigration } from './row-level-security-migration';

/**
 * jalon_open_session() returns the partner's consents as json rather than jsonb (issue 15): the API
 * only parses them, and building jsonb's binary form was a fifth of the function's time (1.45 ms
 * against 1.12 as json, pg_stat_statements at one connection). Its result type changes, which
 * `create or replace` cannot do: it is dropped here and made again from its file with every
 * row-level security file, in the same transaction.
 */
export class Migration20261218110000OpenSessionConsentsAsJson extends RowLevelSecurityMigration {
  override async up(): Promise<void> {
    this.addSql('drop function if exists jalon_open_session(text, timestamp with time zone);');
    await super.up();
  }
}
