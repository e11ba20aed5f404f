import { RowLevelSecurityMigration } from './row-level-security-migration';

/**
 * Fewer round trips per request, under the same row-level security (db/rls/functions):
 * jalon_open_session() sets the role and the token, reads the session, sets its user and reads its
 * membership in one statement (there were six); jalon_append_access_log() chains a request's
 * entries in a statement run outside the request's transaction, so the access log's per-tenant
 * lock is no longer held until that transaction's COMMIT.
 */
export class Migration20261208120000RequestRoundTrips extends RowLevelSecurityMigration {}
