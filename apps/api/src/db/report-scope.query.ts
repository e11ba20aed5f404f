import type { EntityManager } from '@mikro-orm/postgresql';
import { Organisation } from '../modules/organisations/organisation.entity';
import { Membership } from '../modules/tenancy/membership.entity';

/** Whether an organisation of the request's tenant has this id. */
export async function organisationExists(em: EntityManager, organisationId: string): Promise<boolean> {
  return (await em.count(Organisation, { id: organisationId })) > 0;
}

/** The organisation of a membership of the request's tenant, or null when there is none with this id. */
export async function organisationOfMembership(em: EntityManager, membershipId: string): Promise<string | null> {
  const membership = await em.findOne(Membership, { id: membershipId }, { fields: ['organisation'] });
  return membership?.organisation.id ?? null;
}
