import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EmploymentSituation, EsfAnswer, ExitKind, Gender, PathwayStatus } from '@jalon/domain';
import { toGlobalId } from '../../graphql/relay';
import { createTenantFixture, FIXTURE_PASSWORD, type TenantFixture } from '../../testing/fixtures';
import { GraphqlClient } from '../../testing/graphql-client';
import { startTestServer, type TestServer } from '../../testing/test-server';
import { Participant } from '../participants/participant.entity';
import { Pathway } from '../participants/pathway.entity';
import { Membership } from '../tenancy/membership.entity';
import { Tenant } from '../tenancy/tenant.entity';
import { EsfOperation } from './esf-operation.entity';
import { EsfRecord } from './esf-record.entity';

let server: TestServer;
let tenant: TenantFixture;
let operationId: string;
let incompleteId: string;

const ENTRY = {
  employmentSituation: EmploymentSituation.UNEMPLOYED,
  educationLevel: 4,
  disability: EsfAnswer.NO,
  thirdCountryNational: EsfAnswer.NO,
  foreignBackground: EsfAnswer.REFUSED,
  minority: EsfAnswer.NO,
  homeless: EsfAnswer.NO,
  ruralArea: EsfAnswer.NO,
};
const EXIT = { exitJobSearching: EsfAnswer.YES, exitInTraining: EsfAnswer.NO, exitQualification: EsfAnswer.NO, exitEmployed: EsfAnswer.NO };

beforeAll(async () => {
  server = await startTestServer();
  tenant = await createTenantFixture(server, 'EXPORT');
  await server.asOwner(async (em) => {
    const t = em.getReference(Tenant, tenant.tenantId);
    const referent = em.getReference(Membership, tenant.users.referent.membershipId);
    const operation = em.create(EsfOperation, {
      tenant: t,
      fileNumber: '202599999',
      title: 'Export',
      startsOn: '2025-01-01',
      endsOn: '2026-12-31',
      beneficiary: 'Métropole',
    });
    operationId = toGlobalId('EsfOperation', operation.id);
    const line = (firstName: string, gender: Gender | null, exitDate: string | null, esf: Partial<EsfRecord>) => {
      const participant = em.create(Participant, {
        tenant: t,
        firstName,
        lastName: 'Export',
        searchKey: `export ${firstName}`,
        birthDate: '1985-03-03',
        gender,
        referent,
      });
      const pathway = em.create(Pathway, {
        tenant: t,
        participant,
        number: 1,
        status: exitDate ? PathwayStatus.EXITED : PathwayStatus.ACTIVE,
        referralDate: '2025-02-01',
        entryDate: '2025-02-01',
        exitDate,
        exitKind: exitDate ? ExitKind.REORIENTATION : null,
      });
      em.create(EsfRecord, { tenant: t, pathway, operation, ...esf });
      return participant.id;
    };
    line('Complète', Gender.WOMAN, '2025-09-01', { ...ENTRY, ...EXIT, exitAnsweredOn: '2025-09-10' });
    line('Entrée seule', Gender.MAN, null, ENTRY);
    incompleteId = line('Incomplète', null, '2025-09-01', { ...ENTRY, educationLevel: null, ...EXIT, exitAnsweredOn: '2025-11-20' });
    await em.flush();
  });
});
afterAll(() => server.close());

describe('the validation before the ESF+ export', () => {
  it('lists exactly the lines the authority would reject, person and column, in French', async () => {
    const animation = new GraphqlClient(server.app);
    await animation.login(tenant.users.animation.email, FIXTURE_PASSWORD);
    const { esfExportCheck } = await animation.data(
      `query($id: ID!) { esfExportCheck(operationId: $id) { layout lines rejectedLines problems { participantId participantName column message } } }`,
      { id: operationId },
    );
    expect(esfExportCheck).toMatchObject({ layout: 'MDFSE-PARTICIPANTS-2021-1', lines: 3, rejectedLines: 1 });
    expect(esfExportCheck.problems).toEqual([
      {
        participantId: toGlobalId('Participant', incompleteId),
        participantName: 'EXPORT Incomplète',
        column: 'SEXE',
        message: '« SEXE » n’est pas renseigné.',
      },
      {
        participantId: toGlobalId('Participant', incompleteId),
        participantName: 'EXPORT Incomplète',
        column: 'NIVEAU_CITE',
        message: '« NIVEAU_CITE » n’est pas renseigné.',
      },
      {
        participantId: toGlobalId('Participant', incompleteId),
        participantName: 'EXPORT Incomplète',
        column: 'SORTIE_EMPLOI',
        message: 'Le questionnaire de sortie a été recueilli plus de quatre semaines après la sortie.',
      },
    ]);
  });

  it('is the animation team’s: a referent is refused', async () => {
    const referent = new GraphqlClient(server.app);
    await referent.login(tenant.users.referent.email, FIXTURE_PASSWORD);
    const refused = await referent.request(`query($id: ID!) { esfExportCheck(operationId: $id) { lines } }`, { id: operationId });
    expect(refused.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });
});
