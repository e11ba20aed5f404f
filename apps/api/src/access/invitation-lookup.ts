import type { EntityManager } from '@mikro-orm/postgresql';
import { TENANT_FILTER } from '../db/orm-options';
import { hashSecretToken } from '../modules/auth/secret-token';
import { Invitation } from '../modules/users/invitation.entity';
import { applyRlsSettings } from './request-transaction';

/**
 * Finds a still-valid invitation by the token of its link, before anyone is logged in. RLS shows
 * the row only to a request holding that token; the request is then scoped to its tenant.
 */
export async function findValidInvitation(em: EntityManager, token: string, now = new Date()): Promise<Invitation | null> {
  const tokenHash = hashSecretToken(token);
  await applyRlsSettings(em, { invitationToken: tokenHash });
  const invitation = await em.findOne(
    Invitation,
    { tokenHash, acceptedAt: null, revokedAt: null, expiresAt: { $gt: now } },
    { populate: ['organisation', 'tenant'], filters: { [TENANT_FILTER]: false } },
  );
  if (invitation) await applyRlsSettings(em, { tenantId: invitation.tenant.id, authEmail: invitation.email });
  return invitation;
}
