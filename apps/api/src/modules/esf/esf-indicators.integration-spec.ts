import ExcelJS from 'exceljs';
import type { EntityManager } from '@mikro-orm/postgresql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EmploymentSituation, EsfAnswer, ExitKind, Gender, PathwayStatus } from '@jalon/domain';
import { toGlobalId } from '../../graphql/relay';
import { createTenantFixture, FIXTURE_PASSWORD, type TenantFixture } from '../../testing/fixtures';
import { GraphqlClient } from '../../testing/graphql-client';
import { startTestServer, type TestServer } from '../../testing/test-server';
import { Membership } from '../tenancy/membership.entity';
import { Participant } from '../participants/participant.entity';
import { Pathway } from '../participants/pathway.entity';
import { Tenant } from '../tenancy/tenant.entity';
import { EsfOperation } from './esf-operation.entity';
import { EsfRecord } from './esf-record.entity';

/**
 * The ESF+ indicators against a hand-counted operation: every figure below was counted by hand
 * from the people of buildOperations().
 */
let server: TestServer;
let tenant: TenantFixture;
let other: TenantFixture;
let animation: GraphqlClient;
let operationA: string;
let operationB: string;

async function buildOperations(em: EntityManager): Promise<void> {
  const t = em.getReference(Tenant, tenant.tenantId);
  const referent = em.getReference(Membership, tenant.users.referent.membershipId);
  const a = em.create(EsfOperation, {
    tenant: t,
    fileNumber: '202500001',
    title: 'Opération A',
    startsOn: '2025-01-01',
    endsOn: '2025-12-31',
    beneficiary: 'Métropole',
  });
  const b = em.create(EsfOperation, {
    tenant: t,
    fileNumber: '202500002',
    title: 'Opération B',
    startsOn: '2025-01-01',
    endsOn: '2026-12-31',
    beneficiary: 'Métropole',
  });
  operationA = toGlobalId('EsfOperation', a.id);
  operationB = toGlobalId('EsfOperation', b.id);
  const person = (firstName: string, gender: Gender | null, birthDate: string) =>
    em.create(Participant, { tenant: t, firstName, lastName: 'Fse', searchKey: `fse ${firstName}`, birthDate, gender, referent });
  let n = 0;
  const pathway = (who: Participant, operation: EsfOperation, entryDate: string, exitDate: string | null, esf: Partial<EsfRecord> = {}) => {
    const created = em.create(Pathway, {
      tenant: t,
      participant: who,
      number: ++n,
      status: exitDate ? PathwayStatus.EXITED : PathwayStatus.ACTIVE,
      referralDate: entryDate,
      entryDate,
      exitDate,
      exitKind: exitDate ? ExitKind.REORIENTATION : null,
    });
    em.create(EsfRecord, { tenant: t, pathway: created, operation, ...esf });
  };
  const LTU = EmploymentSituation.LONG_TERM_UNEMPLOYED;
  pathway(person('Alice', Gender.WOMAN, '1990-06-01'), a, '2025-02-01', '2025-06-01', {
    employmentSituation: LTU,
    educationLevel: 3,
    disability: EsfAnswer.YES,
    exitJobSearching: EsfAnswer.NO,
    exitInTraining: EsfAnswer.NO,
    exitQualification: EsfAnswer.YES,
    exitEmployed: EsfAnswer.YES,
    exitAnsweredOn: '2025-06-10',
    sixMonthEmployed: EsfAnswer.YES,
    sixMonthBetterSituation: EsfAnswer.YES,
    sixMonthAnsweredOn: '2025-12-05',
  });
  // 17 on the entry day; « ne souhaite pas répondre » on disability counts in the total only.
  pathway(person('Bruno', Gender.MAN, '2008-03-01'), a, '2025-03-01', null, {
    employmentSituation: EmploymentSituation.INACTIVE,
    educationLevel: 1,
    disability: EsfAnswer.REFUSED,
  });
  // Her exit questionnaire came after four weeks: she left, but counts in no immediate result.
  pathway(person('Chloé', Gender.WOMAN, '1965-01-01'), a, '2025-01-20', '2025-05-01', {
    employmentSituation: EmploymentSituation.UNEMPLOYED,
    educationLevel: 6,
    thirdCountryNational: EsfAnswer.YES,
    exitEmployed: EsfAnswer.YES,
    exitJobSearching: EsfAnswer.NO,
    exitInTraining: EsfAnswer.NO,
    exitQualification: EsfAnswer.NO,
    exitAnsweredOn: '2025-07-01',
  });
  pathway(person('Dany', Gender.NON_BINARY, '2000-01-01'), a, '2025-02-10', null, {
    employmentSituation: EmploymentSituation.EMPLOYED,
    homeless: EsfAnswer.YES,
  });
  pathway(person('Eve', null, '1995-05-05'), a, '2025-04-01', null, { employmentSituation: LTU });
  // A one-day participation in A counts nowhere; her re-entry counts in B only.
  const fanny = person('Fanny', Gender.WOMAN, '1980-02-02');
  pathway(fanny, a, '2025-01-15', '2025-01-15', { employmentSituation: LTU });
  pathway(fanny, b, '2025-09-01', null, { employmentSituation: LTU });
  // Entered A before the period, left during it.
  pathway(person('Gaston', Gender.MAN, '1970-07-07'), a, '2024-12-01', '2025-03-01', {
    exitJobSearching: EsfAnswer.YES,
    exitInTraining: EsfAnswer.NO,
    exitQualification: EsfAnswer.NO,
    exitEmployed: EsfAnswer.NO,
    exitAnsweredOn: '2025-03-10',
  });
  pathway(person('Hugo', Gender.MAN, '1992-09-09'), b, '2025-05-01', null);
  await em.flush();
}

const QUERY = `query($id: ID!, $period: ReportPeriodInput) { esfIndicators(operationId: $id, period: $period) {
  period { from to } outputs { code women men nonBinary total } results { code women men nonBinary total } } }`;
const YEAR_2025 = { from: '2025-01-01', to: '2025-12-31' };
const byCode = (rows: Array<{ code: string; women: number; men: number; nonBinary: number; total: number }>) =>
  Object.fromEntries(rows.map(({ code, ...counts }) => [code, [counts.women, counts.men, counts.nonBinary, counts.total]]));

beforeAll(async () => {
  server = await startTestServer();
  tenant = await createTenantFixture(server, 'INDIC');
  other = await createTenantFixture(server, 'INDIC-AUTRE');
  await server.asOwner(buildOperations);
  animation = new GraphqlClient(server.app);
  await animation.login(tenant.users.animation.email, FIXTURE_PASSWORD);
});
afterAll(() => server.close());

describe('the ESF+ indicators', () => {
  it('count every output indicator of the operation, by gender, as counted by hand', async () => {
    const { esfIndicators } = await animation.data(QUERY, { id: operationA, period: YEAR_2025 });
    //                  [women, men, non-binary, total]
    expect(byCode(esfIndicators.outputs)).toEqual({
      EECO01: [2, 0, 0, 3],
      EECO02: [1, 0, 0, 2],
      EECO03: [0, 1, 0, 1],
      EECO04: [0, 0, 1, 1],
      EECO05: [0, 1, 0, 1],
      EECO06: [0, 0, 1, 2],
      EECO07: [1, 0, 0, 1],
      EECO08: [0, 1, 0, 1],
      EECO09: [1, 0, 0, 1],
      EECO10: [1, 0, 0, 1],
      EECO11: [2, 1, 1, 5],
      EECO12: [1, 0, 0, 1],
      EECO13: [1, 0, 0, 1],
      EECO14: [0, 0, 0, 0],
      EECO15: [0, 0, 0, 0],
      EECO16: [0, 0, 1, 1],
      EECO17: [0, 0, 0, 0],
    });
  });

  it('count the results of those who left, an answer after four weeks in none', async () => {
    const { esfIndicators } = await animation.data(QUERY, { id: operationA, period: YEAR_2025 });
    expect(byCode(esfIndicators.results)).toEqual({
      LEFT: [2, 1, 0, 3],
      ANSWERED_ON_LEAVING: [1, 1, 0, 2],
      EECR01: [0, 1, 0, 1],
      EECR02: [0, 0, 0, 0],
      EECR03: [1, 0, 0, 1],
      EECR04: [1, 0, 0, 1],
      ANSWERED_SIX_MONTHS: [1, 0, 0, 1],
      EMPLOYED_6M: [1, 0, 0, 1],
      BETTER_6M: [1, 0, 0, 1],
    });
  });

  it('count a re-entry in another operation in that one; the period defaults to the operation’s', async () => {
    const { esfIndicators } = await animation.data(QUERY, { id: operationB });
    expect(esfIndicators.period).toEqual({ from: '2025-01-01', to: '2026-12-31' });
    expect(byCode(esfIndicators.outputs).EECO11).toEqual([1, 1, 0, 2]);
  });

  it('are refused to a referent, and another PLIE cannot reach the operation', async () => {
    const referent = new GraphqlClient(server.app);
    await referent.login(tenant.users.referent.email, FIXTURE_PASSWORD);
    expect((await referent.request(QUERY, { id: operationA })).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const foreign = new GraphqlClient(server.app);
    await foreign.login(other.users.animation.email, FIXTURE_PASSWORD);
    expect((await foreign.request(QUERY, { id: operationA })).errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    const backwards = await animation.request(QUERY, { id: operationA, period: { from: '2025-12-31', to: '2025-01-01' } });
    expect(backwards.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'period.to' });
  });

  it('export to XLSX with a column per gender, and to PDF', async () => {
    const query = new URLSearchParams({ operationId: operationA, ...YEAR_2025 });
    const headers = animation.cookie ? { cookie: animation.cookie } : {};
    const xlsx = await server.app.inject({ method: 'GET', url: `/esf/indicators.xlsx?${query}`, headers });
    expect(xlsx.statusCode).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(new Uint8Array(xlsx.rawPayload).buffer);
    const lines: unknown[][] = [];
    workbook.worksheets[0]!.eachRow((row) => lines.push((row.values as unknown[]).slice(1)));
    expect(lines).toContainEqual(['Indicateur', 'Femmes', 'Hommes', 'Non binaires', 'Total']);
    expect(lines).toContainEqual(['EECO11 – Nombre total de participants', 2, 1, 1, 5]);
    const pdf = await server.app.inject({ method: 'GET', url: `/esf/indicators.pdf?${query}`, headers });
    expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
  });
});
