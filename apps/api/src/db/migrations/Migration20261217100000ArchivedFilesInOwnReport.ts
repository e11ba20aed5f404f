import { RowLevelSecurityMigration } from './row-level-security-migration';

/**
 * A referent's activity report for a past year counts the files archived since: the report counts
 * through db/rls/functions/jalon_activity_figures.sql (the request's scope, checked against its
 * session, counts only) and jalon_activity_figures_of.sql (the counts, archived files included).
 */
export class Migration20261217100000ArchivedFilesInOwnReport extends RowLevelSecurityMigration {}
