import type { EntityManager } from '@mikro-orm/postgresql';
import { TENANT_FILTER } from '../../db/orm-options';
import { hashSecretToken } from '../../access/secret-token';
import { Invitation } from './invitation.entity';
import { applyRlsSettings } from '../../access/request-transaction';

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
    { filters: { [TENANT_FILTER]: false } },
  );
  if (!invitation) return null;
  // Its organisation and tenant become readable only once the request is scoped to that tenant.
  await applyRlsSettings(em, { tenantId: invitation.tenant.id, authEmail: invitation.email });
  await em.populate(invitation, ['organisation', 'tenant']);
  return invitation;
}
