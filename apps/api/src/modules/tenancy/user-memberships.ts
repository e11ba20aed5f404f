import type { EntityManager } from '@mikro-orm/postgresql';
import { TENANT_FILTER } from '../../db/orm-options';
import { Membership } from './membership.entity';

/**
 * The user's own active memberships in every tenant, for the tenant switcher. The only read that
 * crosses tenants: the tenant filter is lifted, and RLS still limits it to the user's own rows.
 */
export function findActiveMembershipsOfUser(em: EntityManager, userId: string, membershipId?: string): Promise<Membership[]> {
  return em.find(
    Membership,
    { user: userId, active: true, ...(membershipId ? { id: membershipId } : {}) },
    {
      populate: ['organisation', 'tenant', 'user'],
      filters: { [TENANT_FILTER]: false },
      orderBy: { tenant: { name: 'asc' }, organisation: { name: 'asc' } },
    },
  );
}
