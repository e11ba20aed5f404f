import type { EntityManager } from '@mikro-orm/postgresql';
import { Session } from '../modules/auth/session.entity';
import { Membership } from '../modules/tenancy/membership.entity';
import { TENANT_FILTER } from './orm-options';

/** The session of a cookie, by its token's hash. Sessions are not tenant-owned: the tenant is what the session tells. */
export function findSessionByTokenHash(em: EntityManager, tokenHash: string): Promise<Session | null> {
  return em.findOne(Session, { tokenHash }, { filters: { [TENANT_FILTER]: false } });
}

/** A session's membership if still active, with its organisation and tenant, before the request is scoped to that tenant. */
export function findActiveMembership(em: EntityManager, membershipId: string): Promise<Membership | null> {
  return em.findOne(Membership, { id: membershipId, active: true }, { populate: ['organisation', 'tenant'], filters: { [TENANT_FILTER]: false } });
}
