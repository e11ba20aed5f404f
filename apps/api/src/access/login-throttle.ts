import type { EntityManager } from '@mikro-orm/postgresql';
import type { Config } from '../config';
import { countFailuresFromIp, failuresSinceLastSuccess } from '../db/login-attempt.query';

/**
 * Brute-force protection. An email address locks after LOGIN_MAX_FAILURES failures since its last
 * success within LOGIN_LOCK_MINUTES, until the oldest of them is that old; the address is counted
 * whether an account has it or not, so that locking does not tell which addresses exist. An IP
 * address with LOGIN_MAX_FAILURES_PER_IP failures in that window is refused whatever the account,
 * which stops spraying one password over many accounts.
 */
export async function ipFailuresInWindow(em: EntityManager, config: Config, ip: string, now: Date): Promise<number> {
  return countFailuresFromIp(em, ip, new Date(now.getTime() - config.LOGIN_LOCK_MINUTES * 60_000));
}

/** Seconds until the email address may try again; 0 when it is not locked. */
export async function emailLockSeconds(em: EntityManager, config: Config, email: string, now: Date): Promise<number> {
  const window = config.LOGIN_LOCK_MINUTES * 60_000;
  const failures = await failuresSinceLastSuccess(em, email, new Date(now.getTime() - window), config.LOGIN_MAX_FAILURES);
  if (failures.length < config.LOGIN_MAX_FAILURES) return 0;
  return Math.ceil((failures.at(-1)!.getTime() + window - now.getTime()) / 1000);
}
