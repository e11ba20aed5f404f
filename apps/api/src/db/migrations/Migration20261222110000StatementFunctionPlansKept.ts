import { RowLevelSecurityMigration } from './row-level-security-migration';

/**
 * Ten more security definer functions keep their plan (issue 15): those the API calls once per
 * statement (office hours' busy times and calendar links, the open referral, sessions' occupancy)
 * and those policies call once per statement (the partner's appointments, stages of a class,
 * company, pathways, positionings and referrals) become PL/pgSQL with a generic plan (db/rls/README.md,
 * step 5). Same signatures and rows; the files are applied again.
 */
export class Migration20261222110000StatementFunctionPlansKept extends RowLevelSecurityMigration {}
