import type { EntityManager } from '@mikro-orm/postgresql';
import { type ConsentTerms, isPartnerKind } from '@jalon/domain';
import type { Config } from '../config';
import type { Actor, ParticipantPrincipal } from '../context/request-context';
import type { KeptPartnerConsents } from './partner-consents';
import { authenticateParticipant } from './participant-session';
import { hashSecretToken } from './secret-token';
import { beginWithSession, touchSession } from '../db/session.query';
import { applyRlsSettings, filterByTenant } from './request-transaction';

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
  participant: ParticipantPrincipal | null;
  participantSessionExpired: boolean;
  /** A partner's consents, read with its session (ConsentScope.forRequest takes them instead of a query of their own). */
  partnerConsents?: ConsentTerms[] | null;
}

/**
 * Opens the request's transaction for whoever the cookies name: a staff or partner session first;
 * a participant's own session only when there is none (one browser, one principal).
 */
export async function authenticateRequest(
  em: EntityManager,
  config: Config,
  cookies: { session?: string; participantSession?: string },
  now: Date,
  kept: KeptPartnerConsents,
): Promise<Authentication> {
  if (cookies.session || !cookies.participantSession) return authenticate(em, config, cookies.session, now, kept);
  await em.begin();
  const { participant, expired } = await authenticateParticipant(em, cookies.participantSession, now);
  return { actor: null, sessionExpired: false, participant, participantSessionExpired: expired };
}

/**
 * Opens the request's transaction as the application role and resolves the session cookie into an
 * actor, scoping the transaction to its tenant: the session, its membership and the settings are
 * read and set in the transaction's first statement (db/session.query.ts). Runs before any resolver.
 */
export async function authenticate(
  em: EntityManager,
  config: Config,
  token: string | undefined,
  now: Date,
  kept: KeptPartnerConsents,
): Promise<Authentication> {
  const tokenHash = token ? hashSecretToken(token) : null;
  const held = kept.held(tokenHash);
  const session = await beginWithSession(em, tokenHash, now, held?.stamp ?? null);
  if (!session || !isSessionLive(session, config, now)) {
    // Opening the session set its user and tenant for row-level security: a session no longer live acts for no one.
    if (session) await applyRlsSettings(em, { userId: null, tenantId: null, organisationId: null, staff: false });
    return { actor: null, sessionExpired: !!token, participant: null, participantSessionExpired: false };
  }

  const membership = session.membership;
  // Who is staff is the domain's rule; the database set its own flag from the same kinds. Were they
  // ever to differ, a partner could be read as staff: refuse the request rather than guess.
  if (session.staffInDatabase !== (membership ? !isPartnerKind(membership.organisationKind) : false))
    throw new Error(`Staff flag of organisation kind ${membership?.organisationKind} differs between the database and the domain`);
  filterByTenant(em, membership?.tenantId ?? null);

  // Sliding idle timeout, written at most once a minute so reads stay cheap.
  if (now.getTime() - session.lastSeenAt.getTime() > 60_000) await touchSession(em, session.id, now);

  return {
    sessionExpired: false,
    actor: { userId: session.userId, sessionId: session.id, membership },
    participant: null,
    participantSessionExpired: false,
    partnerConsents: kept.settle(tokenHash!, held, session),
  };
}
