import { RowLevelSecurityMigration } from './row-level-security-migration';

/**
 * Row-level security after the hostile review of wave 2: a code of an archived file no longer signs
 * her in to her own space (db/rls/functions/jalon_redeem_participant_code.sql), and anonymisation
 * clears the free texts of wave 2's tables (db/rls/functions/jalon_anonymise_participants.sql).
 */
export class Migration20261216100000ArchivedOwnSpace extends RowLevelSecurityMigration {}
