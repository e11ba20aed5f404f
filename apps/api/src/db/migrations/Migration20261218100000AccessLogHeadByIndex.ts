import { RowLevelSecurityMigration } from './row-level-security-migration';

/**
 * The access log's append, cheaper under the tenant's lock (issue 15): its head found by index
 * whatever the statistics, and its chain built in one pass over the entries (db/rls/functions).
 */
export class Migration20261218100000AccessLogHeadByIndex extends RowLevelSecurityMigration {}
