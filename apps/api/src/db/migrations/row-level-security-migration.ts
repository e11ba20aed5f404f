import { Migration } from '@mikro-orm/migrations';
import { rowLevelSecurityStatements } from '../row-level-security-files';

/**
 * A migration that brings row-level security to what db/rls says (see its README). The files are
 * read as they are when the migration runs, so only the last such migration of the list applies
 * them: on a new database, an earlier one would otherwise apply today's files to the tables of its
 * time. The migrator runs every pending migration in one transaction, so no request sees the
 * schema in between.
 */
export abstract class RowLevelSecurityMigration extends Migration {
  /** The last of them in the migration list; the list (index.ts) names it, so this file needs no import of the list. */
  static latest: (abstract new (...args: never[]) => RowLevelSecurityMigration) | undefined;

  override async up(): Promise<void> {
    if (this.constructor !== RowLevelSecurityMigration.latest) return;
    for (const statement of rowLevelSecurityStatements()) this.addSql(statement);
  }
}
