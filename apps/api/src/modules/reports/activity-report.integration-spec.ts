import { EsfRecord } from '../esf/esf-record.entity';
import ExcelJS from 'exceljs';
import type { EntityManager } from '@mikro-orm/postgresql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  AppointmentKind,
  AppointmentMode,
  AppointmentStatus,
  Attendance,
  EmploymentSituation,
  EsfAnswer,
  ExitKind,
  Gender,
  MembershipRole,
  OrganisationKind,
  PathwayStatus,
  StageStatus,
} from '@jalon/domain';
import { TENANT_FILTER } from '../../db/orm-options';
import { toGlobalId } from '../../graphql/relay';
import { createTenantFixture, FIXTURE_PASSWORD, type TenantFixture } from '../../testing/fixtures';
import { GraphqlClient } from '../../testing/graphql-client';
import { startTestServer, type TestServer } from '../../testing/test-server';
import { hashPassword } from '../auth/password-hash';
import { Appointment, AppointmentAttendee } from '../appointments/appointment.entity';
import { FollowUpCheckIn } from '../follow-up/follow-up-check-in.entity';
import { Organisation } from '../organisations/organisation.entity';
import { Participant } from '../participants/participant.entity';
import { Pathway } from '../participants/pathway.entity';
import { StageKind } from '../stages/stage-kind.entity';
import { Stage } from '../stages/stage.entity';
import { Membership } from '../tenancy/membership.entity';
import { Tenant } from '../tenancy/tenant.entity';
import { User } from '../users/user.entity';
import { UserCredential } from '../auth/user-credential.entity';

/**
 * A small PLIE counted by hand, for 2025 (compared with 2024). Referent A is the fixture's
 * referent, B her colleague at the same operator, C a referent of another operator.
 *
 * P1 Alice (A, Grenoble, QPV)  woman, born 1990-06-01, entered 2025-02-01 (34), ISCED 3, long-term unemployed, RSA;
 *    qualifying training started 2025-03-01, completed 2025-06-30; present at the collective session and at a phone appointment.
 * P2 Bruno (A, Grenoble)       man, born 2002-05-10, entered 2024-09-01 (22); CDI job stage (K2204, at the ACI) from 2025-12-01;
 *    exit into a permanent job on 2025-12-31, the period's last day (486 days).
 * P3 Chloé (A, Échirolles)     woman, born 1980-01-15; pathway 1 2023-03-01 → 2024-03-01 abandonment (366 days), closed;
 *    re-entry 2025-04-01 (45), ISCED 6, disability; present at an in-person appointment; a stage planned, never started.
 * P4 David (A)                 man, born 1968-02-01, entered 2024-01-15 (55); fixed-term job stage (D1106) from 2024-07-01;
 *    exit 2024-07-15 into a fixed-term job of 6 months+ (182 days); 6-month check-in done 2025-01-20, still employed at « Boulangerie Martin ».
 * P5 Emma (B, changed from A)  woman, born 1995-03-03, entered 2025-01-01 (29), ISCED 2; exit 2025-10-10 re-orientation (282 days);
 *    absent from the collective session A held.
 * P6 Farid (C)                 gender unknown, born 2000-07-01, entered 2025-06-01 (24), ISCED unknown;
 *    assessment 2025-06-10 → 2025-06-20 completed, no operator; exit 2025-11-30 qualifying training (182 days).
 * P7 Gaëlle (A)                referred 2025-05-01, never entered: counted nowhere.
 * Appointments in 2025: collective by video 03-10 (P1 present, P5 absent), individual in person 05-05 (P3 present),
 * individual by phone 09-01 (P1 present), individual 10-01 cancelled (P1): not counted.
 * Another PLIE has a person entered in 2025: never counted.
 *
 * Whole PLIE, 2025 | 2024:
 *   followed 5 (P1, P2, P3, P5, P6) | 3 (P2, P3's first pathway, P4); entries 4 | 2 (P2, P4); re-entries 1 (P3) | 0;
 *   exits 3 (P2, P5, P6) | 2 (P3, P4); positive 2 (P2, P6) | 1 (P4) → rate 2/3 | 1/2;
 *   in-job follow-up 2 (P2, and P4 whose exit was less than 6 months before 2025) | 1 (P4);
 *   6-month check-ins 1, still employed 1 → 100 % | none → no rate;
 *   length (days) 486, 282, 182 → average 316.67 days = 10.4 months, median 282 = 9.3 | 366, 182 → 274 = 9.0, 9.0;
 *   entries' gender: women 3, unknown 1 | men 2; ages: < 26 1 (P6), 26–44 2 (P1, P5), 45–54 1 (P3) | < 26 1 (P2), 55+ 1 (P4);
 *   ISCED 0–2 1, 3–4 1, 5–8 1, unknown 1; QPV 1, long-term unemployed 1, disability 1, RSA 1;
 *   stages started: training 1, employment 1, assessment 1 | employment 1, assessment 1 (P2's, completed in 2025);
 *   completed: training 1, assessment 2 (P2's counts as started in 2024 and completed in 2025);
 *   appointments: individual 2, collective 1, in person 1 → 1/3; present 3, absent 1 → missed 1/4;
 *   job exits: family K 1, permanent 1, employer the ACI 1 | family D 1, fixed-term 1.
 * Referent A: followed 3 (P1, P2, P3), entries 2, exits 1; appointments individual 2, collective 1 (P1 was there), missed 0.
 * Referent B: followed 1 (P5: she counts for her current referent), exits 1 (re-orientation); the collective session, P5 absent.
 * Operator of A and B: followed 4. Grenoble's residents: followed 2 (P1, P2).
 */

const REPORT = `query($period: ReportPeriodInput, $scope: ReportScopeInput) { activityReport(period: $period, scope: $scope) {
  title scopeKind scopeLabel period { from to } previousPeriod { from to } tables { key title format chart rows { key label value previous } }
} }`;
const YEAR_2025 = { from: '2025-01-01', to: '2025-12-31' };

let server: TestServer;
let tenant: TenantFixture;
let other: TenantFixture;
let animation: GraphqlClient;
let referentA: GraphqlClient;
let colleagueB: { membershipId: string; email: string };
let referentC: { membershipId: string; email: string };
let otherOperatorId: string;

interface ReportRow {
  key: string;
  value: number | null;
  previous: number | null;
}
type Report = { scopeKind: string; scopeLabel: string; tables: { key: string; rows: ReportRow[] }[] };

/** A table's figures by row key: [this period, previous period]. */
function figures(report: Report, table: string): Record<string, [number | null, number | null]> {
  const rows = report.tables.find((t) => t.key === table)!.rows;
  return Object.fromEntries(rows.map((row) => [row.key, [row.value, row.previous]]));
}

async function report(client: GraphqlClient, scope: Record<string, string> = {}): Promise<Report> {
  return (await client.data(REPORT, { period: YEAR_2025, scope })).activityReport;
}

/** Builds the PLIE above as the tables' owner: a report counts rows, whatever screen created them. */
async function buildPlie(em: EntityManager) {
  const t = em.getReference(Tenant, tenant.tenantId);
  const passwordHash = await hashPassword(FIXTURE_PASSWORD);
  const operator = em.getReference(Organisation, tenant.organisations.operator.id);
  const otherOperator = em.create(Organisation, { tenant: t, name: `Autre opérateur ${tenant.name}`, kind: OrganisationKind.REFERENT_OPERATOR });
  const referent = (key: string, organisation: Organisation) => {
    const user = em.create(User, { email: `${key}-${tenant.tenantId.slice(0, 8)}@test.jalon`, displayName: `Référente ${key}` });
    em.create(UserCredential, { user, passwordHash });
    const membership = em.create(Membership, { tenant: t, user, organisation, role: MembershipRole.REFERENT });
    return { membershipId: membership.id, email: user.email };
  };
  colleagueB = referent('colleague', operator);
  referentC = referent('other', otherOperator);
  otherOperatorId = otherOperator.id;
  const A = em.getReference(Membership, tenant.users.referent.membershipId);
  const B = em.getReference(Membership, colleagueB.membershipId);
  const C = em.getReference(Membership, referentC.membershipId);

  const person = (firstName: string, referentOf: Membership, extra: Partial<Participant> & { birthDate: string }) =>
    em.create(Participant, { tenant: t, firstName, lastName: 'Bilan', searchKey: `bilan ${firstName.toLowerCase()}`, referent: referentOf, ...extra });
  const pathway = (participant: Participant, number: number, extra: Partial<Pathway>, esf: Partial<EsfRecord> = {}) => {
    const created = em.create(Pathway, { tenant: t, participant, number, referralDate: extra.entryDate ?? '2025-05-01', ...extra });
    em.create(EsfRecord, { tenant: t, pathway: created, ...esf });
    return created;
  };
  const kinds = new Map((await em.find(StageKind, { tenant: t }, { filters: { [TENANT_FILTER]: false } })).map((k) => [k.code, k]));
  const stage = (on: Pathway, code: string, extra: Partial<Stage>) =>
    em.create(Stage, { tenant: t, pathway: on, kind: kinds.get(code)!, plannedStart: extra.actualStart ?? '2025-11-01', ...extra });
  const training = em.getReference(Organisation, tenant.organisations.training.id);
  const aci = em.getReference(Organisation, tenant.organisations.siae.id);

  const p1 = person('Alice', A, { gender: Gender.WOMAN, birthDate: '1990-06-01', communeCode: '38185', priorityDistrictCode: 'QN03899Z' });
  const w1 = pathway(
    p1,
    1,
    {
      status: PathwayStatus.ACTIVE,
      entryDate: '2025-02-01',
    },
    { educationLevel: 3, employmentSituation: EmploymentSituation.LONG_TERM_UNEMPLOYED, minimumIncome: EsfAnswer.YES },
  );
  stage(w1, 'TRAINING_QUALIFYING', { operator: training, status: StageStatus.COMPLETED, actualStart: '2025-03-01', actualEnd: '2025-06-30' });

  const p2 = person('Bruno', A, { gender: Gender.MAN, birthDate: '2002-05-10', communeCode: '38185' });
  const w2 = pathway(p2, 1, { status: PathwayStatus.IN_JOB_FOLLOW_UP, entryDate: '2024-09-01', exitDate: '2025-12-31', exitKind: ExitKind.JOB_PERMANENT });
  stage(w2, 'EMPLOYMENT_CDI', { operator: aci, status: StageStatus.IN_PROGRESS, actualStart: '2025-12-01', romeCode: 'K2204' });
  stage(w2, 'ASSESSMENT_ORIENTATION', { status: StageStatus.COMPLETED, actualStart: '2024-11-04', actualEnd: '2025-01-31' });

  const p3 = person('Chloé', A, { gender: Gender.WOMAN, birthDate: '1980-01-15', communeCode: '38151' });
  pathway(p3, 1, { status: PathwayStatus.CLOSED, entryDate: '2023-03-01', exitDate: '2024-03-01', exitKind: ExitKind.ABANDONMENT });
  const w3 = pathway(p3, 2, { status: PathwayStatus.ACTIVE, entryDate: '2025-04-01' }, { educationLevel: 6, disability: EsfAnswer.YES });
  stage(w3, 'JOB_SEARCH', { status: StageStatus.PLANNED, plannedStart: '2025-11-01' });

  const p4 = person('David', A, { gender: Gender.MAN, birthDate: '1968-02-01' });
  const w4 = pathway(p4, 1, {
    status: PathwayStatus.CLOSED,
    entryDate: '2024-01-15',
    exitDate: '2024-07-15',
    exitKind: ExitKind.JOB_FIXED_TERM_6_MONTHS_PLUS,
    exitValidated: true,
  });
  stage(w4, 'EMPLOYMENT_CDD_6_MONTHS_PLUS', { status: StageStatus.IN_PROGRESS, actualStart: '2024-07-01', romeCode: 'D1106' });
  em.create(FollowUpCheckIn, {
    tenant: t,
    pathway: w4,
    monthsAfterExit: 6,
    dueOn: '2025-01-15',
    doneOn: '2025-01-20',
    stillEmployed: true,
    employer: 'Boulangerie Martin',
  });

  const p5 = person('Emma', B, { gender: Gender.WOMAN, birthDate: '1995-03-03' });
  pathway(p5, 1, { status: PathwayStatus.EXITED, entryDate: '2025-01-01', exitDate: '2025-10-10', exitKind: ExitKind.REORIENTATION }, { educationLevel: 2 });

  const p6 = person('Farid', C, { birthDate: '2000-07-01' });
  const w6 = pathway(p6, 1, { status: PathwayStatus.EXITED, entryDate: '2025-06-01', exitDate: '2025-11-30', exitKind: ExitKind.QUALIFYING_TRAINING });
  stage(w6, 'ASSESSMENT_ORIENTATION', { status: StageStatus.COMPLETED, actualStart: '2025-06-10', actualEnd: '2025-06-20' });

  const p7 = person('Gaëlle', A, { birthDate: '1999-01-01' });
  pathway(p7, 1, { status: PathwayStatus.PENDING_ACCREDITATION, referralDate: '2025-05-01' });

  const appointment = (kind: AppointmentKind, mode: AppointmentMode, day: string, status: AppointmentStatus, attendees: [Participant, Attendance][]) => {
    const a = em.create(Appointment, {
      tenant: t,
      referent: A,
      kind,
      mode,
      startsAt: new Date(`${day}T09:00:00Z`),
      endsAt: new Date(`${day}T10:00:00Z`),
      status,
      title: kind === AppointmentKind.COLLECTIVE ? 'Atelier CV' : null,
    });
    for (const [participant, attendance] of attendees) em.create(AppointmentAttendee, { tenant: t, appointment: a, participant, attendance });
  };
  appointment(AppointmentKind.COLLECTIVE, AppointmentMode.VIDEO, '2025-03-10', AppointmentStatus.HELD, [
    [p1, Attendance.PRESENT],
    [p5, Attendance.ABSENT],
  ]);
  appointment(AppointmentKind.INDIVIDUAL, AppointmentMode.IN_PERSON, '2025-05-05', AppointmentStatus.HELD, [[p3, Attendance.PRESENT]]);
  appointment(AppointmentKind.INDIVIDUAL, AppointmentMode.PHONE, '2025-09-01', AppointmentStatus.HELD, [[p1, Attendance.PRESENT]]);
  appointment(AppointmentKind.INDIVIDUAL, AppointmentMode.IN_PERSON, '2025-10-01', AppointmentStatus.CANCELLED, [[p1, Attendance.EXPECTED]]);

  // Another PLIE's person, entered in 2025.
  const o = em.getReference(Tenant, other.tenantId);
  const stranger = em.create(Participant, {
    tenant: o,
    firstName: 'Hugo',
    lastName: 'Ailleurs',
    searchKey: 'ailleurs hugo',
    birthDate: '1990-01-01',
    communeCode: '38185',
    referent: em.getReference(Membership, other.users.referent.membershipId),
  });
  em.create(Pathway, { tenant: o, participant: stranger, number: 1, referralDate: '2025-02-01', entryDate: '2025-02-01', status: PathwayStatus.ACTIVE });
  await em.flush();
}

async function setColleaguesCanRead(allowed: boolean): Promise<void> {
  await server.asOwner((em) => em.nativeUpdate(Tenant, { id: tenant.tenantId }, { colleaguesCanRead: allowed }));
}

beforeAll(async () => {
  server = await startTestServer();
  tenant = await createTenantFixture(server, 'Bilan');
  other = await createTenantFixture(server, 'Autre');
  await server.asOwner(buildPlie);
  animation = new GraphqlClient(server.app);
  await animation.login(tenant.users.animation.email, FIXTURE_PASSWORD);
  referentA = new GraphqlClient(server.app);
  await referentA.login(tenant.users.referent.email, FIXTURE_PASSWORD);
});
afterAll(() => server.close());

describe('the activity report, counted by hand', () => {
  it('gives the whole PLIE exactly the figures counted by hand, each beside 2024', async () => {
    const whole = await report(animation);
    expect(whole).toMatchObject({ scopeKind: 'WHOLE_PLIE', scopeLabel: 'Tout le PLIE' });
    expect(figures(whole, 'people')).toEqual({
      followed: [5, 3],
      entries: [4, 2],
      reEntries: [1, 0],
      exits: [3, 2],
      positiveExits: [2, 1],
      inJobFollowUp: [2, 1],
      done: [1, 0],
      employed: [1, 0],
    });
    const rates = figures(whole, 'rates');
    expect(rates.positiveExits![0]).toBeCloseTo(2 / 3);
    expect(rates.positiveExits![1]).toBeCloseTo(1 / 2);
    expect(rates.employedAtSixMonths).toEqual([1, null]);
    expect(rates.inPerson![0]).toBeCloseTo(1 / 3);
    expect(rates.missed).toEqual([0.25, null]);
    expect(figures(whole, 'pathwayLength')).toEqual({ average: [10.4, 9], median: [9.3, 9] });
    expect(figures(whole, 'exitsByKind')).toMatchObject({
      JOB_PERMANENT: [1, 0],
      JOB_FIXED_TERM_6_MONTHS_PLUS: [0, 1],
      QUALIFYING_TRAINING: [1, 0],
      REORIENTATION: [1, 0],
      ABANDONMENT: [0, 1],
      HEALTH: [0, 0],
    });
    expect(figures(whole, 'gender')).toEqual({ WOMAN: [3, 0], MAN: [0, 2], NON_BINARY: [0, 0], UNKNOWN: [1, 0] });
    expect(figures(whole, 'ageBand')).toEqual({ UNDER_26: [1, 1], FROM_26_TO_44: [2, 0], FROM_45_TO_54: [1, 0], FROM_55: [0, 1] });
    expect(figures(whole, 'education')).toEqual({ ISCED_0_2: [1, 0], ISCED_3_4: [1, 0], ISCED_5_8: [1, 0], UNKNOWN: [1, 2] });
    expect(figures(whole, 'situation')).toEqual({ priorityDistrict: [1, 0], longTermUnemployed: [1, 0], disability: [1, 0], minimumIncome: [1, 0] });
    expect(figures(whole, 'stagesStarted')).toMatchObject({ TRAINING: [1, 0], EMPLOYMENT: [1, 1], ASSESSMENT: [1, 1], JOB_SEARCH: [0, 0] });
    expect(figures(whole, 'stagesCompleted')).toMatchObject({ TRAINING: [1, 0], ASSESSMENT: [2, 0], EMPLOYMENT: [0, 0] });
    expect(figures(whole, 'stagesByOperator')).toEqual({ [tenant.organisations.training.id]: [1, 0], [tenant.organisations.siae.id]: [1, 0], NONE: [1, 2] });
    expect(figures(whole, 'appointments')).toEqual({ INDIVIDUAL: [2, 0], COLLECTIVE: [1, 0], inPerson: [1, 0], attended: [3, 0], missed: [1, 0] });
    expect(figures(whole, 'jobExitsByFamily')).toEqual({ K: [1, 0], D: [0, 1] });
    expect(figures(whole, 'jobExitsByContract')).toEqual({ JOB_PERMANENT: [1, 0], JOB_FIXED_TERM_6_MONTHS_PLUS: [0, 1], BUSINESS_CREATION: [0, 0] });
    const employers = whole.tables.find((t) => t.key === 'employers')!.rows;
    expect(employers).toEqual([{ key: tenant.organisations.siae.name, label: tenant.organisations.siae.name, value: 1, previous: 0 }]);
  });

  it('counts a referent’s, an operator’s and a commune’s people, a person who changed referent for her current one', async () => {
    const a = await report(animation, { referentId: toGlobalId('Membership', tenant.users.referent.membershipId) });
    expect(figures(a, 'people')).toMatchObject({ followed: [3, 3], entries: [2, 2], exits: [1, 2] });
    expect(figures(a, 'appointments')).toMatchObject({ INDIVIDUAL: [2, 0], COLLECTIVE: [1, 0], missed: [0, 0] });
    const b = await report(animation, { referentId: toGlobalId('Membership', colleagueB.membershipId) });
    expect(b.scopeLabel).toBe('Référent : Référente colleague');
    expect(figures(b, 'people')).toMatchObject({ followed: [1, 0], exits: [1, 0] });
    expect(figures(b, 'exitsByKind')).toMatchObject({ REORIENTATION: [1, 0] });
    expect(figures(b, 'appointments')).toMatchObject({ COLLECTIVE: [1, 0], missed: [1, 0] });
    const operator = await report(animation, { operatorId: tenant.organisations.operator.globalId });
    expect(figures(operator, 'people').followed).toEqual([4, 3]);
    const grenoble = await report(animation, { communeCode: '38185' });
    expect(grenoble.scopeLabel).toBe('Résidents : Grenoble');
    expect(figures(grenoble, 'people').followed).toEqual([2, 1]);
  });

  it('compares any range with the days just before, and refuses a period that ends before it starts', async () => {
    const { activityReport } = await animation.data(REPORT, { period: { from: '2025-12-31', to: '2025-12-31' } });
    expect(activityReport.previousPeriod).toEqual({ from: '2025-12-30', to: '2025-12-30' });
    expect(figures(activityReport, 'people')).toMatchObject({ exits: [1, 0], positiveExits: [1, 0] });
    const refused = await animation.request(REPORT, { period: { from: '2025-12-31', to: '2025-01-01' } });
    expect(refused.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'period.to' });
    const twoScopes = await animation.request(REPORT, { scope: { communeCode: '38185', operatorId: tenant.organisations.operator.globalId } });
    expect(twoScopes.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });
});

describe('who may read which report', () => {
  it('gives a referent her own caseload by default, her operator colleagues’ only while the tenant allows it', async () => {
    const own = await report(referentA);
    expect(own.scopeKind).toBe('CASELOAD');
    expect(figures(own, 'people').followed).toEqual([3, 3]);
    const colleague = { referentId: toGlobalId('Membership', colleagueB.membershipId) };
    expect(figures(await report(referentA, colleague), 'people').followed).toEqual([1, 0]);
    expect(figures(await report(referentA, { operatorId: tenant.organisations.operator.globalId }), 'people').followed).toEqual([4, 3]);

    await setColleaguesCanRead(false);
    try {
      const refused = await referentA.request(REPORT, { period: YEAR_2025, scope: colleague });
      expect(refused.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
      expect(refused.data).toBeNull();
      const operator = await referentA.request(REPORT, { period: YEAR_2025, scope: { operatorId: tenant.organisations.operator.globalId } });
      expect(operator.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
      expect(figures(await report(referentA), 'people').followed).toEqual([3, 3]);
    } finally {
      await setColleaguesCanRead(true);
    }
  });

  it('never gives a referent another operator’s people, the whole PLIE or a commune', async () => {
    for (const scope of [
      { referentId: toGlobalId('Membership', referentC.membershipId) },
      { operatorId: toGlobalId('Organisation', otherOperatorId) },
      { communeCode: '38185' },
    ]) {
      const refused = await referentA.request(REPORT, { period: YEAR_2025, scope });
      expect(refused.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    }
  });

  it('refuses partners, and hides another PLIE’s referents and operators', async () => {
    for (const key of ['partner', 'aci', 'trainer'] as const) {
      const partner = new GraphqlClient(server.app);
      await partner.login(tenant.users[key].email, FIXTURE_PASSWORD);
      expect((await partner.request(REPORT, { period: YEAR_2025 })).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    }
    const stranger = await animation.request(REPORT, { period: YEAR_2025, scope: { referentId: toGlobalId('Membership', other.users.referent.membershipId) } });
    expect(stranger.errors?.[0]?.extensions).toMatchObject({ code: 'NOT_FOUND' });
    const strangerOperator = await animation.request(REPORT, { period: YEAR_2025, scope: { operatorId: other.organisations.operator.globalId } });
    expect(strangerOperator.errors?.[0]?.extensions).toMatchObject({ code: 'NOT_FOUND' });
  });
});

describe('the report as files to send on', () => {
  const download = (client: GraphqlClient, file: string, query: Record<string, string>) =>
    server.app.inject({ method: 'GET', url: `/reports/${file}?${new URLSearchParams(query)}`, headers: client.cookie ? { cookie: client.cookie } : {} });

  it('gives the XLSX a sheet per table with the figures and the period at the top, and the PDF', async () => {
    const xlsx = await download(animation, 'activity.xlsx', YEAR_2025);
    expect(xlsx.statusCode).toBe(200);
    expect(xlsx.headers['content-disposition']).toBe('attachment; filename="bilan-d-activite-2025-01-01-2025-12-31.xlsx"');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(new Uint8Array(xlsx.rawPayload).buffer);
    expect(workbook.worksheets).toHaveLength(16);
    const sheet = workbook.getWorksheet('Personnes et parcours')!;
    const lines: unknown[][] = [];
    sheet.eachRow((row) => lines.push((row.values as unknown[]).slice(1)));
    expect(lines).toContainEqual(['Période', 'du 01/01/2025 au 31/12/2025']);
    expect(lines).toContainEqual(['Périmètre', 'Tout le PLIE']);
    expect(lines.find((line) => String(line[0]).startsWith('Personnes suivies'))).toEqual([expect.any(String), 5, 3]);

    const pdf = await download(animation, 'activity.pdf', { ...YEAR_2025, referentId: toGlobalId('Membership', colleagueB.membershipId) });
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
  });

  it('refuses the files as it refuses the report', async () => {
    await setColleaguesCanRead(false);
    try {
      const refused = await download(referentA, 'activity.xlsx', { ...YEAR_2025, referentId: toGlobalId('Membership', colleagueB.membershipId) });
      expect(refused.statusCode).toBe(403);
    } finally {
      await setColleaguesCanRead(true);
    }
    const partner = new GraphqlClient(server.app);
    await partner.login(tenant.users.aci.email, FIXTURE_PASSWORD);
    expect((await download(partner, 'activity.pdf', YEAR_2025)).statusCode).toBe(403);
    expect((await download(new GraphqlClient(server.app), 'activity.pdf', YEAR_2025)).statusCode).toBe(401);
  });
});
