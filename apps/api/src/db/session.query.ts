import type { EntityManager } from '@mikro-orm/postgresql';
import type { ConsentTerms, MembershipRole, OrganisationKind } from '@jalon/domain';
import { beginWith } from './begin-transaction';
import { sqlLiteral } from './end-transaction';
import { type ConsentTermsRow, termsOfRow } from './consent-terms.query';
import type { Actor } from '../context/request-context';

/** A session as the request opens it, with the membership it acts through if still active. */
export interface OpenedSession {
  id: string;
  userId: string;
  expiresAt: Date;
  lastSeenAt: Date;
  revokedAt: Date | null;
  membership: Actor['membership'];
  /**
   * For a partner's membership: the consents naming it that may be in force (what ConsentScope would
   * load), unless the stamp sent is still theirs (access/partner-consents.ts); null for staff.
   */
  consents: ConsentTerms[] | null;
  /** For a partner's membership, the consents' stamp; null for staff. */
  consentsStamp: string | null;
}

interface OpenedRow {
  session_id: string;
  user_id: string;
  expires_at: Date;
  last_seen_at: Date;
  revoked_at: Date | null;
  membership_id: string | null;
  tenant_id: string;
  organisation_id: string;
  organisation_kind: OrganisationKind;
  role: MembershipRole;
  colleagues_can_read: boolean;
  staff: boolean;
  consents: ConsentTermsRow[] | null;
  consents_stamp: string | null;
}

/**
 * Begins the request's transaction and, in the same round trip, switches it to the application
 * role and reads the session of a cookie's token hash (null: no cookie), then its active membership
 * (rls/functions/jalon_open_session.sql):
 * the session token and, when there is a session, its user, its tenant, organisation, staff flag and
 * the request's clock are set for row-level security; a partner's consents come with it, unless
 * `knownConsents` is their current stamp. `staffInDatabase` is the flag as set.
 */
export async function beginWithSession(
  em: EntityManager,
  tokenHash: string | null,
  now: Date,
  knownConsents: string | null,
): Promise<(OpenedSession & { staffInDatabase: boolean }) | null> {
  const literal = (value: string | null) => (value === null ? 'null' : sqlLiteral(value));
  const [row] = await beginWith<OpenedRow>(em, `select * from jalon_open_session(${literal(tokenHash)}, ${sqlLiteral(now)}, ${literal(knownConsents)})`);
  if (!row) return null;
  return {
    id: row.session_id,
    userId: row.user_id,
    expiresAt: new Date(row.expires_at),
    lastSeenAt: new Date(row.last_seen_at),
    revokedAt: row.revoked_at && new Date(row.revoked_at),
    staffInDatabase: row.staff,
    consents: row.consents && row.consents.map(termsOfRow),
    consentsStamp: row.consents_stamp,
    membership: row.membership_id
      ? {
          id: row.membership_id,
          tenantId: row.tenant_id,
          organisationId: row.organisation_id,
          organisationKind: row.organisation_kind,
          role: row.role,
          colleaguesCanRead: row.colleagues_can_read,
        }
      : null,
  };
}

/** Slides a session's idle timeout. */
export async function touchSession(em: EntityManager, sessionId: string, at: Date): Promise<void> {
  await em.execute('update session set last_seen_at = ? where id = ?', [at, sessionId]);
}
