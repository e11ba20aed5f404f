import type { EntityManager } from '@mikro-orm/postgresql';
import type { Config } from '../config';
import { LoginAttempt } from '../modules/auth/login-attempt.entity';
import { User } from '../modules/users/user.entity';

/**
 * Brute-force protection. An account locks after LOGIN_MAX_FAILURES consecutive failures for
 * LOGIN_LOCK_MINUTES; an address with LOGIN_MAX_FAILURES_PER_IP failures in that window is refused
 * whatever the account, which stops spraying one password over many accounts.
 */
export async function ipFailuresInWindow(em: EntityManager, config: Config, ip: string, now: Date): Promise<number> {
  const since = new Date(now.getTime() - config.LOGIN_LOCK_MINUTES * 60_000);
  return em.count(LoginAttempt, { ip, succeeded: false, at: { $gt: since } });
}

/** Records a failed attempt and counts it against the account; runs after the request rolled back. */
export async function recordFailedLogin(em: EntityManager, config: Config, email: string, ip: string, now: Date): Promise<void> {
  em.create(LoginAttempt, { email, ip, succeeded: false, at: now });
  await em.flush();
  const lockedUntil = new Date(now.getTime() + config.LOGIN_LOCK_MINUTES * 60_000);
  // One statement, so concurrent failures all count.
  await em.execute(
    `update app_user set
       failed_login_count = case when failed_login_count + 1 >= ? then 0 else failed_login_count + 1 end,
       locked_until = case when failed_login_count + 1 >= ? then ?::timestamptz else locked_until end
     where email = ?`,
    [config.LOGIN_MAX_FAILURES, config.LOGIN_MAX_FAILURES, lockedUntil.toISOString(), email],
  );
}

export function recordSuccessfulLogin(em: EntityManager, user: User, ip: string, now: Date): void {
  user.failedLoginCount = 0;
  user.lockedUntil = null;
  em.create(LoginAttempt, { email: user.email, ip, succeeded: true, at: now });
}
