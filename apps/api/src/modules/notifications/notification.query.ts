import type { EntityManager } from '@mikro-orm/postgresql';

/** The tenants with a notification created since `since` not yet emailed (jalon_tenants_with_unsent_notifications, across tenants). */
export async function tenantsWithUnsentNotifications(em: EntityManager, since: Date): Promise<string[]> {
  const rows = await em.execute<Array<{ id: string }>>('select jalon_tenants_with_unsent_notifications(?) as id', [since]);
  return rows.map((row) => row.id);
}
