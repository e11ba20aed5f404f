import type { EntityManager } from '@mikro-orm/postgresql';

/**
 * Revokes the sessions acting through a membership the administrator has just deactivated. A
 * session is readable only by its own user (row-level security), so the revocation is one definer
 * function that does this and nothing else: it touches only the sessions of an inactive membership
 * of the request's tenant, and of the administrator's own organisation for a partner's administrator.
 */
export async function revokeMembershipSessions(em: EntityManager, membershipId: string, at: Date): Promise<void> {
  await em.execute(`select jalon_revoke_membership_sessions(?, ?)`, [membershipId, at]);
}
