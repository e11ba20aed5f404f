import type { Options } from '@mikro-orm/core';
import { Migrator } from '@mikro-orm/migrations';
import { entities, tenantOwnedEntities } from './entities';
import { migrationsList } from './migrations';

export const TENANT_FILTER = 'tenant';

/**
 * Options shared by the PostgreSQL and PGlite setups. The `tenant` filter is on by default and
 * fails closed: a query on a tenant-owned entity with no tenant set throws instead of
 * returning every tenant's rows.
 */
export const baseOrmOptions = {
  entities,
  discovery: { disableDynamicFileAccess: true, requireEntitiesArray: true },
  // Registered here: found on demand, MikroORM would look for it from the working directory.
  extensions: [Migrator],
  migrations: { migrationsList, transactional: true, allOrNothing: true, snapshot: false, silent: true },
  forceUtcTimezone: true,
  ignoreUndefinedInQuery: true,
  // A reference never leaves its tenant (row-level security and the checks on every write see to
  // it), so joining each referenced table only to apply the tenant filter to it again is wasted
  // work — and under a partner's row-level security, costly.
  autoJoinRefsForFilters: false,
  filters: {
    [TENANT_FILTER]: {
      default: true,
      entity: tenantOwnedEntities.map((e) => e.name),
      cond: (args: { tenantId?: string } | undefined) => {
        if (!args?.tenantId) throw new Error('Tenant filter used without a tenant: refusing to query every tenant.');
        return { tenant: args.tenantId };
      },
    },
  },
} satisfies Partial<Options>;
