import { RowLevelSecurityMigration } from './row-level-security-migration';

/**
 * Row-level security from db/rls (issue 12): every function and every table's policies, as those
 * files say, replacing what the migrations before this one wrote inline. From now on a policy or a
 * function is changed in db/rls, and a new RowLevelSecurityMigration applies the files.
 */
export class Migration20261205100000RowLevelSecurityFiles extends RowLevelSecurityMigration {}
