import type { EntityManager } from '@mikro-orm/postgresql';
import { TENANT_FILTER } from '../../db/orm-options';
import { Membership } from './membership.entity';
import { Session } from '../auth/session.entity';

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

/**
 * Where a user lands at login among their active memberships: the one their latest session acted
 * through, so someone working for two PLIEs comes back where they left off; never used yet, the one
 * they have held longest — the organisation that first gave them access, not the first by name.
 * Reads only the user's own sessions (row-level security holds a session to its user).
 */
export async function landingMembership(em: EntityManager, userId: string, memberships: Membership[]): Promise<Membership | null> {
  const [latest] = await em.find(Session, { user: userId, membership: { $ne: null } }, { orderBy: { lastSeenAt: 'desc' }, limit: 1 });
  const lastUsed = latest && memberships.find((m) => m.id === latest.membership?.id);
  return lastUsed ?? [...memberships].sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime())[0] ?? null;
}
