import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EmploymentSituation, EsfAnswer, Gender } from '@jalon/domain';
import { toGlobalId } from '../../graphql/relay';
import { createTenantFixture, FIXTURE_PASSWORD, type TenantFixture } from '../../testing/fixtures';
import { GraphqlClient } from '../../testing/graphql-client';
import { startTestServer, type TestServer } from '../../testing/test-server';
import { esfFixture } from '../../testing/esf-people';
import type { EsfRecord } from './esf-record.entity';

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
    const esf = esfFixture(em, tenant.tenantId, tenant.users.referent.membershipId);
    const operation = esf.operation('202599999', '2025-01-01', '2026-12-31');
    operationId = toGlobalId('EsfOperation', operation.id);
    const line = (firstName: string, gender: Gender | null, exitDate: string | null, record: Partial<EsfRecord>) =>
      esf.person(operation, { firstName, lastName: 'Export', gender }, exitDate, record).participantId;
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
