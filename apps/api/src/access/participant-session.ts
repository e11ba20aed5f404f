import { randomInt } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import { ACCESS_CODE_ALPHABET, ACCESS_CODE_LENGTH } from '@jalon/domain';
import type { ParticipantPrincipal } from '../context/request-context';
import { openParticipantSession, touchParticipantSession } from '../db/participant-session.query';
import { applyRlsSettings } from './request-transaction';
import { hashSecretToken } from './secret-token';

export const PARTICIPANT_SESSION_COOKIE = 'jalon_participant_session';

/** A participant's session ends after 30 idle minutes (a shared phone, a library computer), and after 8 hours whatever happens. */
export const PARTICIPANT_IDLE_MINUTES = 30;
export const PARTICIPANT_SESSION_HOURS = 8;
/** A printed code is handed over at an appointment and may be used in the days after; a link sent by email is used at once. */
export const PRINTED_CODE_DAYS = 14;
export const EMAIL_LINK_MINUTES = 30;
/** What a failed code is counted under in the login attempts (never an email address: it has no @). */
export const CODE_ATTEMPT_KEY = 'participant-code';

/** A new one-time code from the unambiguous alphabet, drawn with a CSPRNG. */
export function newAccessCode(): string {
  return Array.from({ length: ACCESS_CODE_LENGTH }, () => ACCESS_CODE_ALPHABET[randomInt(ACCESS_CODE_ALPHABET.length)]).join('');
}

export function isParticipantSessionLive(session: { revokedAt: Date | null; expiresAt: Date; lastSeenAt: Date }, now: Date): boolean {
  if (session.revokedAt || session.expiresAt <= now) return false;
  return now.getTime() - session.lastSeenAt.getTime() < PARTICIPANT_IDLE_MINUTES * 60_000;
}

/**
 * Resolves a participant's own session cookie, in the request's transaction already begun: the
 * opener sets her id for row-level security, and no tenant, user or organisation, so that every
 * policy but her own hides every row. A session no longer live acts for no one.
 */
export async function authenticateParticipant(
  em: EntityManager,
  token: string,
  now: Date,
): Promise<{ participant: ParticipantPrincipal | null; expired: boolean }> {
  const session = await openParticipantSession(em, hashSecretToken(token), now);
  if (!session || !isParticipantSessionLive(session, now)) {
    if (session) await applyRlsSettings(em, { participantId: null });
    return { participant: null, expired: true };
  }
  if (now.getTime() - session.lastSeenAt.getTime() > 60_000) await touchParticipantSession(em, session.id, now);
  return { participant: { participantId: session.participantId, tenantId: session.tenantId, sessionId: session.id }, expired: false };
}
