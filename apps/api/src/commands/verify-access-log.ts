import 'reflect-metadata';
import { loadConfig } from '../config';
import { verifyAccessLog } from '../access/access-log';
import { openAsOwner } from '../db/database';

/**
 * `pnpm --filter @jalon/api verify-access-log`: recomputes every tenant's access-log chain and
 * reports the first broken entry. Exits 1 when a chain is broken, so it can run from cron.
 * With the embedded database, stop the server first (PGlite opens its directory in one process).
 */
async function main(): Promise<void> {
  const owner = await openAsOwner(loadConfig());
  try {
    const checks = await owner.em.transactional((em) => verifyAccessLog(em));
    for (const check of checks) {
      const verdict = check.brokenAtSeq ? `BROKEN at entry ${check.brokenAtSeq}` : 'intact';
      process.stdout.write(`tenant ${check.tenantId}: ${check.entries} entries, ${verdict}\n`);
    }
    if (checks.length === 0) process.stdout.write('access log empty\n');
    process.exitCode = checks.some((check) => check.brokenAtSeq) ? 1 : 0;
  } finally {
    await owner.close();
  }
}

void main();
