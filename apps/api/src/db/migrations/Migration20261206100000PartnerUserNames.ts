import { RowLevelSecurityMigration } from './row-level-security-migration';

/**
 * A partner's transaction still read the accounts (e-mail, password hash) of the staff and of the
 * people invited to its meetings, to show their names. It now reads its own account only (a
 * partner's administrator also her organisation's members, whose access she manages), and names
 * through jalon_user_names() (db/rls/functions), which returns nothing but a name.
 */
export class Migration20261206100000PartnerUserNames extends RowLevelSecurityMigration {}
