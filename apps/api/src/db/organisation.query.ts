import type { EntityManager } from '@mikro-orm/postgresql';
import { Organisation } from '../modules/organisations/organisation.entity';

/** The INSEE code of the commune an organisation is (a commune partner), or null; the organisation must exist. */
export async function communeOfOrganisation(em: EntityManager, organisationId: string): Promise<string | null> {
  const organisation = await em.findOneOrFail(Organisation, { id: organisationId });
  return organisation.inseeCode ?? null;
}
