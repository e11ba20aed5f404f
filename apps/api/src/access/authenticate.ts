import type { EntityManager } from '@mikro-orm/postgresql';
import { isPartnerKind } from '@jalon/domain';
import type { Config } from '../config';
import type { Actor } from '../context/request-context';
import { hashSecretToken } from './secret-token';
import { findActiveMembership, findSessionByTokenHash } from '../db/session.query';
import { applyRlsSettings } from './request-transaction';

export const SESSION_COOKIE = 'jalon_session';

/** What the rule reads of a session: a Session entity is one. */
export interface SessionFacts {
  revokedAt?: Date | null;
  expiresAt: Date;
  lastSeenAt: Date;
}

/** Whether a session may still be used at `now`: not revoked, not past its end, not idle too long. */
export function isSessionLive(session: SessionFacts, config: Config, now: Date): boolean {
  if (session.revokedAt) return false;
  if (session.expiresAt <= now) return false;
  return now.getTime() - session.lastSeenAt.getTime() < config.SESSION_IDLE_MINUTES * 60_000;
}

export interface Authentication {
  actor: Actor | null;
  sessionExpired: boolean;
}

/**
 * Resolves the session cookie into an actor and scopes the transaction to its tenant. Runs inside
 * the request transaction, before any resolver.
 */
export async function authenticate(em: EntityManager, config: Config, token: string | undefined, now: Date): Promise<Authentication> {
  if (!token) return { actor: null, sessionExpired: false };
  const tokenHash = hashSecretToken(token);
  await applyRlsSettings(em, { sessionToken: tokenHash });
  const session = await findSessionByTokenHash(em, tokenHash);
  if (!session || !isSessionLive(session, config, now)) return { actor: null, sessionExpired: true };

  const userId = session.user.id;
  await applyRlsSettings(em, { userId });
  const membership = session.membership ? await findActiveMembership(em, session.membership.id) : null;
  await applyRlsSettings(em, {
    tenantId: membership?.tenant.id ?? null,
    organisationId: membership?.organisation.id ?? null,
    staff: membership ? !isPartnerKind(membership.organisation.kind) : false,
    now,
  });

  // Sliding idle timeout, written at most once a minute so reads stay cheap.
  if (now.getTime() - session.lastSeenAt.getTime() > 60_000) session.lastSeenAt = now;

  return {
    sessionExpired: false,
    actor: {
      userId,
      sessionId: session.id,
      membership: membership && {
        id: membership.id,
        tenantId: membership.tenant.id,
        organisationId: membership.organisation.id,
        organisationKind: membership.organisation.kind,
        role: membership.role,
        colleaguesCanRead: membership.tenant.colleaguesCanRead,
      },
    },
  };
}
