import type { Config } from '../../config';
import type { RequestContext } from '../../context/request-context';
import { errors } from '../../graphql/errors';
import { countFailedAttempt, emailLockSeconds, ipFailuresInWindow, oneAttemptAtATime } from '../../access/login-throttle';
import { recordSuccessfulLogin } from '../../db/login-attempt.query';
import { applyRlsSettings } from '../../access/request-transaction';
import { findActiveMembershipsOfUser, landingMembership } from '../tenancy/user-memberships';
import { User } from '../users/user.entity';
import { verifyPassword } from './password-hash';
import { UserCredential } from './user-credential.entity';
import { newSecretToken } from '../../access/secret-token';
import { Session } from './session.entity';
import { ViewerType } from './viewer.type';
import { UserType } from '../users/user.type';

export function normaliseEmail(email: string): string {
  return email.trim().toLowerCase();
}

function sessionEnd(config: Config, now: Date): Date {
  return new Date(now.getTime() + config.SESSION_MAX_AGE_MINUTES * 60_000);
}

/** Opens a session for a user whose identity is proven, acting through the membership given or else their landing one. */
export async function openSession(ctx: RequestContext, user: User, preferredMembershipId?: string): Promise<ViewerType> {
  await applyRlsSettings(ctx.em, { userId: user.id });
  const memberships = await findActiveMembershipsOfUser(ctx.em, user.id);
  const active = memberships.find((m) => m.id === preferredMembershipId) ?? (await landingMembership(ctx.em, user.id, memberships));
  const now = ctx.now;
  const { token, hash } = newSecretToken();
  const session = ctx.em.create(Session, {
    tokenHash: hash,
    user,
    membership: active,
    expiresAt: sessionEnd(ctx.config, now),
    lastSeenAt: now,
    ip: ctx.ip,
    userAgent: ctx.userAgent?.slice(0, 500) ?? null,
  });
  await ctx.em.flush();
  ctx.cookie.set(token, session.expiresAt);
  return ViewerType.of(UserType.from(user), active, memberships);
}

export async function login(ctx: RequestContext, rawEmail: string, password: string): Promise<ViewerType> {
  const email = normaliseEmail(rawEmail);
  const now = ctx.now;
  await applyRlsSettings(ctx.em, { authEmail: email, authIp: ctx.ip });
  await oneAttemptAtATime(ctx.em, [`ip:${ctx.ip}`, `email:${email}`]);
  const countFailure = () => countFailedAttempt(ctx, email, ctx.ip, now);

  if ((await ipFailuresInWindow(ctx.em, ctx.config, ctx.ip, now)) >= ctx.config.LOGIN_MAX_FAILURES_PER_IP) {
    await countFailure();
    throw errors.rateLimited(ctx, 'error.tooManyAttempts', ctx.config.LOGIN_LOCK_MINUTES * 60);
  }
  // An address that has no account does the same work and locks alike: neither time nor answer tells them apart.
  const lockSeconds = await emailLockSeconds(ctx.em, ctx.config, email, now);
  if (lockSeconds > 0) {
    await countFailure();
    throw errors.rateLimited(ctx, 'error.accountLocked', lockSeconds);
  }
  const user = await ctx.em.findOne(User, { email });
  const credential = user && (await ctx.em.findOne(UserCredential, { user }));
  const valid = await verifyPassword(credential?.passwordHash, password);
  if (!user || !valid) {
    await countFailure();
    throw errors.unauthenticated(ctx, 'INVALID_CREDENTIALS');
  }
  recordSuccessfulLogin(ctx.em, email, ctx.ip, now);
  return openSession(ctx, user);
}

export async function logout(ctx: RequestContext): Promise<boolean> {
  if (ctx.actor) {
    const session = await ctx.em.findOneOrFail(Session, { id: ctx.actor.sessionId });
    session.revokedAt = ctx.now;
  }
  ctx.cookie.clear();
  return true;
}

export async function loadViewer(ctx: RequestContext, userId: string, activeMembershipId: string | null): Promise<ViewerType> {
  const user = await ctx.em.findOneOrFail(User, { id: userId });
  const memberships = await findActiveMembershipsOfUser(ctx.em, userId);
  const active = memberships.find((m) => m.id === activeMembershipId) ?? null;
  return ViewerType.of(UserType.from(user), active, memberships);
}

/** Moves the session to another of the user's memberships (possibly in another tenant). */
export async function switchMembership(ctx: RequestContext, userId: string, sessionId: string, membershipId: string): Promise<ViewerType> {
  const [membership] = await findActiveMembershipsOfUser(ctx.em, userId, membershipId);
  if (!membership) throw errors.notFound(ctx, 'membershipId');
  const session = await ctx.em.findOneOrFail(Session, { id: sessionId });
  session.membership = membership;
  await ctx.em.flush();
  return loadViewer(ctx, userId, membership.id);
}
