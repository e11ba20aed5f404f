import type { EntityManager } from '@mikro-orm/postgresql';
import type { Config } from '../config';
import { LoginAttempt } from '../modules/auth/login-attempt.entity';

/**
 * Brute-force protection. An email address locks after LOGIN_MAX_FAILURES failures since its last
 * success within LOGIN_LOCK_MINUTES, until the oldest of them is that old; the address is counted
 * whether an account has it or not, so that locking does not tell which addresses exist. An IP
 * address with LOGIN_MAX_FAILURES_PER_IP failures in that window is refused whatever the account,
 * which stops spraying one password over many accounts.
 */
export async function ipFailuresInWindow(em: EntityManager, config: Config, ip: string, now: Date): Promise<number> {
  const since = new Date(now.getTime() - config.LOGIN_LOCK_MINUTES * 60_000);
  return em.count(LoginAttempt, { ip, succeeded: false, at: { $gt: since } });
}

/** Seconds until the email address may try again; 0 when it is not locked. */
export async function emailLockSeconds(em: EntityManager, config: Config, email: string, now: Date): Promise<number> {
  const window = config.LOGIN_LOCK_MINUTES * 60_000;
  const since = new Date(now.getTime() - window);
  const lastSuccess = await em.findOne(LoginAttempt, { email, succeeded: true, at: { $gt: since } }, { orderBy: { at: 'desc' }, fields: ['at'] });
  const failures = await em.find(
    LoginAttempt,
    { email, succeeded: false, at: { $gt: lastSuccess?.at ?? since } },
    { orderBy: { at: 'desc' }, limit: config.LOGIN_MAX_FAILURES, fields: ['at'] },
  );
  if (failures.length < config.LOGIN_MAX_FAILURES) return 0;
  return Math.ceil((failures.at(-1)!.at.getTime() + window - now.getTime()) / 1000);
}

/** Records a failed attempt; runs after the request rolled back, so that it counts. */
export async function recordFailedLogin(em: EntityManager, email: string, ip: string, now: Date): Promise<void> {
  em.create(LoginAttempt, { email, ip, succeeded: false, at: now });
  await em.flush();
}

export function recordSuccessfulLogin(em: EntityManager, email: string, ip: string, now: Date): void {
  em.create(LoginAttempt, { email, ip, succeeded: true, at: now });
}
