import type { EntityManager } from '@mikro-orm/postgresql';

/** The company the PLIE follows that the viewer's partner organisation is, if any (db/rls/functions/jalon_partner_company.sql). */
export async function partnerCompanyId(em: EntityManager): Promise<string | null> {
  const [row] = await em.execute<Array<{ id: string | null }>>('select jalon_partner_company() as id');
  return row?.id ?? null;
}
