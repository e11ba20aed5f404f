import { RowLevelSecurityMigration } from './row-level-security-migration';

/**
 * The row-level security files once more, after the five features of December's wave 2 landed
 * together: a database that ran some of their migrations before the others (each applied the files
 * only when it was the last of the list) gets every policy and function of db/rls.
 */
export class Migration20261215150000Wave2RowLevelSecurity extends RowLevelSecurityMigration {}
