import type { EntityManager } from '@mikro-orm/postgresql';
import type { Config } from '../config';
import type { RequestContext } from '../context/request-context';
import { lockForTransaction } from '../db/advisory-lock';
import { recordFailedLogin } from '../db/login-attempt.query';
import { countFailuresFromIp, failuresSinceLastSuccess } from '../db/login-attempt.query';
import { errors } from '../graphql/errors';

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

/**
 * Makes the attempts from the same addresses (an IP address, an email address) wait for one another
 * until the request's transaction ends: guesses sent all at once then each count the failures of
 * those before them. Keys are taken in one order, so that two attempts never wait for each other.
 */
export async function oneAttemptAtATime(em: EntityManager, keys: string[]): Promise<void> {
  for (const key of [...new Set(keys)].sort()) await lockForTransaction(em, `sign-in:${key}`);
}

/**
 * A failed attempt, counted in the request's own transaction before its locks are released: the
 * request commits it although it fails (`keepOnFailure`), and writes nothing else.
 */
export async function countFailedAttempt(ctx: { em: EntityManager; outcome: { keepOnFailure?: boolean } }, key: string, ip: string, now: Date): Promise<void> {
  ctx.outcome.keepOnFailure = true;
  await recordFailedLogin(ctx.em, key, ip, now);
}

/** Seconds until the email address may try again; 0 when it is not locked. */
export async function emailLockSeconds(em: EntityManager, config: Config, email: string, now: Date): Promise<number> {
  const window = config.LOGIN_LOCK_MINUTES * 60_000;
  const failures = await failuresSinceLastSuccess(em, email, new Date(now.getTime() - window), config.LOGIN_MAX_FAILURES);
  if (failures.length < config.LOGIN_MAX_FAILURES) return 0;
  return Math.ceil((failures.at(-1)!.getTime() + window - now.getTime()) / 1000);
}

/**
 * The mutations that sign in: a failed attempt is kept while the request fails (countFailedAttempt),
 * which would also keep whatever else the same document wrote. Each runs alone in its request.
 */
export const SIGN_IN_MUTATIONS: ReadonlySet<string> = new Set(['login', 'signInWithParticipantCode', 'signInWithParticipantLink']);

/**
 * Refuses (BAD_USER_INPUT, before anything runs) a mutation whose root fields, aliases and
 * fragments expanded, sign in beside any other field (another mutation, or a second attempt).
 * `__typename` writes nothing and may stay.
 */
export function assertSignInAlone(ctx: Pick<RequestContext, 'locale'>, rootFields: ReadonlyArray<{ name: string; definition: unknown }>): void {
  const fields = rootFields.filter((field) => field.definition !== null);
  const signIn = fields.find((field) => SIGN_IN_MUTATIONS.has(field.name));
  if (signIn && fields.length > 1) throw errors.badInput(ctx, signIn.name, 'error.signInAlone');
}
