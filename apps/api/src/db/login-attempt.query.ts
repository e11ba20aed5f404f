import type { EntityManager } from '@mikro-orm/postgresql';
import { LoginAttempt } from '../modules/auth/login-attempt.entity';

/** Failed attempts from an IP address since `since`. */
export function countFailuresFromIp(em: EntityManager, ip: string, since: Date): Promise<number> {
  return em.count(LoginAttempt, { ip, succeeded: false, at: { $gt: since } });
}

/** When the latest failures for an email address since its last success (or `since`) happened, newest first, at most `limit`. */
export async function failuresSinceLastSuccess(em: EntityManager, email: string, since: Date, limit: number): Promise<Date[]> {
  const lastSuccess = await em.findOne(LoginAttempt, { email, succeeded: true, at: { $gt: since } }, { orderBy: { at: 'desc' }, fields: ['at'] });
  const failures = await em.find(
    LoginAttempt,
    { email, succeeded: false, at: { $gt: lastSuccess?.at ?? since } },
    { orderBy: { at: 'desc' }, limit, fields: ['at'] },
  );
  return failures.map((failure) => failure.at);
}

/** Records a failed attempt (access/login-throttle.ts's countFailedAttempt, in the request's transaction). */
export async function recordFailedLogin(em: EntityManager, email: string, ip: string, now: Date): Promise<void> {
  em.create(LoginAttempt, { email, ip, succeeded: false, at: now });
  await em.flush();
}

export function recordSuccessfulLogin(em: EntityManager, email: string, ip: string, now: Date): void {
  em.create(LoginAttempt, { email, ip, succeeded: true, at: now });
}
