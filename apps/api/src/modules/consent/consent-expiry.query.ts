import type { EntityManager } from '@mikro-orm/postgresql';

/** The tenants with a consent in force past its date or whose pathway is closed (jalon_tenants_with_ending_consents, across tenants). */
export async function tenantsWithEndingConsents(em: EntityManager, now: Date): Promise<string[]> {
  const rows = await em.execute<Array<{ id: string }>>('select jalon_tenants_with_ending_consents(?) as id', [now]);
  return rows.map((row) => row.id);
}
