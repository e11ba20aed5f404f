import { RowLevelSecurityMigration } from './row-level-security-migration';

/**
 * jalon_user_names (the names shown beside a meeting's agenda points, the referrals' authors, the
 * referents) becomes PL/pgSQL: as a security definer SQL function PostgreSQL planned its query on
 * every call (issue 15). Same signature, same rows; the files are applied again.
 */
export class Migration20261221100000UserNamesPlanKept extends RowLevelSecurityMigration {}
