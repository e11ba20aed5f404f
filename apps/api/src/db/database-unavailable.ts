/** How long a client is told to wait before retrying while the database cannot be reached. */
export const RETRY_AFTER_SECONDS = 2;

// Node's socket errors, and PostgreSQL's "admin shutdown", "crash shutdown", "cannot connect now" (class 08 is checked apart).
const CONNECTION_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'ETIMEDOUT', 'EHOSTUNREACH', '57P01', '57P02', '57P03']);
// node-postgres and knex say so in words only. knex's "transaction query already complete" is
// what the next statement of a transaction gets once its connection has dropped.
const CONNECTION_MESSAGES =
  /connection terminated|connection ended|connection error|not queryable|timeout acquiring a connection|terminating connection|database system is (starting up|shutting down|in recovery)|transaction query already complete/i;

/**
 * The database could not be reached or dropped the connection (restart, failover, network): a
 * temporary fault, not a bug. The request's transaction did not commit, or its outcome is unknown
 * when the connection dropped during the commit: a retry is safe for reads, for updates (their
 * `version` refuses a second application) and for creates with an idempotency key.
 */
export function isDatabaseUnavailable(error: unknown): boolean {
  for (let cause = error, depth = 0; cause instanceof Error && depth < 5; cause = cause.cause, depth++) {
    const code = (cause as { code?: unknown }).code;
    if (typeof code === 'string' && (CONNECTION_CODES.has(code) || /^08[0-9A-Z]{3}$/.test(code))) return true;
    if (CONNECTION_MESSAGES.test(cause.message)) return true;
  }
  return false;
}
