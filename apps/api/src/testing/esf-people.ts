import type { EntityManager } from '@mikro-orm/postgresql';
import { ExitKind, PathwayStatus, type Gender } from '@jalon/domain';
import { EsfOperation } from '../modules/esf/esf-operation.entity';
import { EsfRecord } from '../modules/esf/esf-record.entity';
import { Participant } from '../modules/participants/participant.entity';
import { Pathway } from '../modules/participants/pathway.entity';
import { Membership } from '../modules/tenancy/membership.entity';
import { Tenant } from '../modules/tenancy/tenant.entity';

/**
 * The ESF+ tests' people, written straight to the database as their owner: an operation, and
 * people entered on a day, left on another or not, with their ESF+ record in that operation.
 */
export function esfFixture(em: EntityManager, tenantId: string, referentMembershipId: string) {
  const tenant = em.getReference(Tenant, tenantId);
  const referent = em.getReference(Membership, referentMembershipId);
  return {
    operation: (fileNumber: string, startsOn: string, endsOn: string) =>
      em.create(EsfOperation, { tenant, fileNumber, title: `Opération ${fileNumber}`, startsOn, endsOn, beneficiary: 'Métropole' }),
    person: (
      operation: EsfOperation,
      who: { firstName: string; lastName: string; gender: Gender | null; birthDate?: string },
      exitDate: string | null,
      esf: Partial<EsfRecord>,
      entryDate = '2025-02-01',
    ) => {
      const participant = em.create(Participant, {
        tenant,
        firstName: who.firstName,
        lastName: who.lastName,
        searchKey: `${who.lastName} ${who.firstName}`.toLowerCase(),
        birthDate: who.birthDate ?? '1985-03-03',
        gender: who.gender,
        referent,
      });
      const pathway = em.create(Pathway, {
        tenant,
        participant,
        number: 1,
        status: exitDate ? PathwayStatus.EXITED : PathwayStatus.ACTIVE,
        referralDate: entryDate,
        entryDate,
        exitDate,
        exitKind: exitDate ? ExitKind.REORIENTATION : null,
      });
      em.create(EsfRecord, { tenant, pathway, operation, ...esf });
      return { participantId: participant.id, pathwayId: pathway.id };
    },
  };
}
