import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EntityManager } from '@mikro-orm/postgresql';
import { addMonths, ageOn, ExitKind, Gender, PathwayStatus } from '@jalon/domain';
import { verifyAccessLog } from '../../access/access-log';
import { dayInFrance } from '../../graphql/date-input';
import { toGlobalId } from '../../graphql/relay';
import { createTenantFixture, loggedIn, type TenantFixture } from '../../testing/fixtures';
import type { GraphqlClient } from '../../testing/graphql-client';
import { startTestServer, type TestServer } from '../../testing/test-server';
import { EsfOperation } from '../esf/esf-operation.entity';
import { EsfRecord } from '../esf/esf-record.entity';
import { JournalEntry } from '../participants/journal-entry.entity';
import { Participant } from '../participants/participant.entity';
import { Pathway } from '../participants/pathway.entity';
import { Membership } from '../tenancy/membership.entity';
import { Tenant } from '../tenancy/tenant.entity';
import { User } from '../users/user.entity';
import { runRetentionInTenant } from './retention-run';

/**
 * A PLIE whose people entered in ENTRY_YEAR, seen from today (T), default policy (24 months in the
 * active base, anonymised 3 years after the ESF+ audit retention or the archive):
 *   A closed T-30 months, no operation → archived by today's run;
 *   B closed T-20 months → archived two years on (T+2 years) only;
 *   C still active → never;
 *   D archived T-5 years, in an operation last paid in year(T)-7 (retention to 31/12 year(T)-2) → anonymised on 31/12 year(T)+1;
 *   E archived T-4 years, no operation → anonymised T-1 year: by today's run;
 *   F archived T-4 years, in an operation not paid yet → never;
 *   G archived T-2 years, no operation → anonymised T+1 year.
 */
const T = dayInFrance(new Date());
const YEAR = Number(T.slice(0, 4));
const ENTRY_YEAR = YEAR - 8;
const ENTRY = `${ENTRY_YEAR}-03-15`;
const months = (n: number) => addMonths(T, n);

const REPORT = `query($period: ReportPeriodInput) { activityReport(period: $period) { tables { key rows { key value } } } }`;
const INDICATORS = `query($id: ID!) { esfIndicators(operationId: $id) { outputs { code women men nonBinary total } } }`;
const DRY_RUN = `{ retentionDryRun { day toArchive { participantId name dueOn } toAnonymise { participantId name dueOn } accessLogToDelete } }`;

let server: TestServer;
let tenant: TenantFixture;
let animation: GraphqlClient;
let referent: GraphqlClient;
const ids: Record<string, string> = {};
let paidOperation: string;

async function buildPlie(em: EntityManager) {
  const t = em.getReference(Tenant, tenant.tenantId);
  const referentMembership = em.getReference(Membership, tenant.users.referent.membershipId);
  const paid = em.create(EsfOperation, {
    tenant: t,
    fileNumber: 'PAID',
    title: 'Payée',
    startsOn: `${ENTRY_YEAR}-01-01`,
    endsOn: `${ENTRY_YEAR + 1}-12-31`,
    beneficiary: 'Métropole',
    lastPaymentOn: `${YEAR - 7}-06-30`,
  });
  const unpaid = em.create(EsfOperation, {
    tenant: t,
    fileNumber: 'UNPAID',
    title: 'Non soldée',
    startsOn: `${ENTRY_YEAR}-01-01`,
    endsOn: `${ENTRY_YEAR + 1}-12-31`,
    beneficiary: 'Métropole',
  });
  const person = (key: string, birthDate: string, gender: Gender, closedOn: string | null, archivedOn: string | null, operation: EsfOperation | null) => {
    const participant = em.create(Participant, {
      tenant: t,
      firstName: `Prénom${key}`,
      lastName: `Nom${key}`,
      searchKey: `nom${key} prénom${key}`.toLowerCase(),
      birthDate,
      gender,
      phone: '06 12 34 56 78',
      email: `${key}@exemple.fr`,
      addressLine: '3 rue des Alpes',
      postcode: '38000',
      communeCode: '38185',
      referent: referentMembership,
      currentStatus: closedOn ? PathwayStatus.CLOSED : PathwayStatus.ACTIVE,
      archivedOn,
    });
    const pathway = em.create(Pathway, {
      tenant: t,
      participant,
      number: 1,
      status: closedOn ? PathwayStatus.CLOSED : PathwayStatus.ACTIVE,
      referralDate: ENTRY,
      entryDate: ENTRY,
      exitDate: closedOn,
      exitKind: closedOn ? ExitKind.REORIENTATION : null,
      closedOn,
    });
    if (operation) em.create(EsfRecord, { tenant: t, pathway, operation });
    em.create(JournalEntry, { tenant: t, participant, author: em.getReference(User, authorId), day: ENTRY, text: `Note privée sur ${key}` });
    ids[key] = participant.id;
  };
  const authorId = (await em.findOneOrFail(Membership, tenant.users.referent.membershipId, { populate: ['user'], filters: false })).user.id;
  person('A', '1990-02-11', Gender.WOMAN, months(-30), null, null);
  person('B', '1985-06-30', Gender.MAN, months(-20), null, null);
  person('C', '2000-12-01', Gender.WOMAN, null, null, null);
  person('D', '1962-03-20', Gender.MAN, months(-84), months(-60), paid);
  person('E', '1975-10-20', Gender.WOMAN, months(-72), months(-48), null);
  person('F', '1999-03-14', Gender.MAN, months(-72), months(-48), unpaid);
  person('G', '1980-01-01', Gender.WOMAN, months(-48), months(-24), null);
  await em.flush();
  paidOperation = toGlobalId('EsfOperation', paid.id);
}

const names = (files: Array<{ name: string }>) => files.map((file) => file.name).sort();
const report = async () => (await animation.data(REPORT, { period: { from: `${ENTRY_YEAR}-01-01`, to: `${ENTRY_YEAR}-12-31` } })).activityReport;
const indicators = async () => (await animation.data(INDICATORS, { id: paidOperation })).esfIndicators;
/** The referent's own report (her caseload: every file here) for the year they entered, in the page and as the XLSX she downloads. */
const referentReport = async () => (await referent.data(REPORT, { period: { from: `${ENTRY_YEAR}-01-01`, to: `${ENTRY_YEAR}-12-31` } })).activityReport;
async function referentWorkbook(): Promise<unknown[][]> {
  const xlsx = await server.app.inject({
    method: 'GET',
    url: `/reports/activity.xlsx?${new URLSearchParams({ from: `${ENTRY_YEAR}-01-01`, to: `${ENTRY_YEAR}-12-31` })}`,
    headers: { cookie: referent.cookie! },
  });
  expect(xlsx.statusCode).toBe(200);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(new Uint8Array(xlsx.rawPayload).buffer);
  const lines: unknown[][] = [];
  for (const sheet of workbook.worksheets) sheet.eachRow((row) => lines.push((row.values as unknown[]).slice(1)));
  return lines;
}
const figure = (report: { tables: Array<{ key: string; rows: Array<{ key: string; value: number }> }> }, table: string, row: string) =>
  report.tables.find((t) => t.key === table)?.rows.find((r) => r.key === row)?.value;

beforeAll(async () => {
  server = await startTestServer();
  tenant = await createTenantFixture(server, 'Conservation');
  await server.asOwner(buildPlie);
  animation = await loggedIn(server, tenant.users.animation.email);
  referent = await loggedIn(server, tenant.users.referent.email);
});
afterAll(() => server.close());

describe('the retention of files', () => {
  let reportBefore: unknown;
  let indicatorsBefore: unknown;
  let referentBefore: unknown;
  let referentWorkbookBefore: unknown[][];

  it('lists in the dry run exactly the files due today, and does nothing', async () => {
    reportBefore = await report();
    indicatorsBefore = await indicators();
    // Counted by hand: the seven files entered that year, all hers, four women and three men, D to G
    // already archived (row-level security hides them from her: the report counts them all the same).
    referentBefore = await referentReport();
    expect(referentBefore).toEqual(reportBefore);
    const mine = referentBefore as Parameters<typeof figure>[0];
    expect([figure(mine, 'people', 'followed'), figure(mine, 'people', 'entries'), figure(mine, 'people', 'exits')]).toEqual([7, 7, 0]);
    expect([figure(mine, 'gender', 'WOMAN'), figure(mine, 'gender', 'MAN')]).toEqual([4, 3]);
    referentWorkbookBefore = await referentWorkbook();
    expect(referentWorkbookBefore.find((line) => String(line[0]).startsWith('Personnes suivies'))).toEqual([expect.any(String), 7, 0]);
    const { retentionDryRun } = await animation.data(DRY_RUN);
    expect(retentionDryRun.day).toBe(T);
    expect(names(retentionDryRun.toArchive)).toEqual(['PrénomA NomA']);
    expect(retentionDryRun.toArchive[0].dueOn).toBe(months(-6));
    expect(names(retentionDryRun.toAnonymise)).toEqual(['PrénomE NomE']);
    expect(retentionDryRun.toAnonymise[0].dueOn).toBe(months(-12));
    const again = await animation.data(DRY_RUN);
    expect(again.retentionDryRun).toEqual(retentionDryRun);
  });

  it('archives and anonymises them in the run, records it, and keeps the past year’s figures', async () => {
    const outcome = await runRetentionInTenant(server.database.orm, tenant.tenantId, new Date());
    expect(outcome).toMatchObject({ ran: true, archived: 1, anonymised: 1 });
    const rows = await server.asOwner((em) =>
      em.execute<
        Array<{
          id: string;
          first_name: string;
          phone: string | null;
          email: string | null;
          address_line: string | null;
          birth_date: string;
          archived_on: string | null;
          anonymised_on: string | null;
        }>
      >(
        `select id, first_name, phone, email, address_line, to_char(birth_date, 'YYYY-MM-DD') as birth_date, to_char(archived_on, 'YYYY-MM-DD') as archived_on, to_char(anonymised_on, 'YYYY-MM-DD') as anonymised_on
           from participant where id = any(?::uuid[])`,
        [`{${ids.A},${ids.E}}`],
      ),
    );
    const a = rows.find((row) => row.id === ids.A)!;
    const e = rows.find((row) => row.id === ids.E)!;
    expect(a).toMatchObject({ first_name: 'PrénomA', archived_on: T, anonymised_on: null });
    expect(e).toMatchObject({ first_name: 'Anonyme', phone: null, email: null, address_line: null, anonymised_on: T });
    expect(e.birth_date).not.toBe('1975-10-20');
    expect(ageOn(e.birth_date, ENTRY)).toBe(ageOn('1975-10-20', ENTRY));
    const journal = await server.asOwner((em) =>
      em.execute<Array<{ n: number }>>('select count(*)::int as n from journal_entry where participant_id = ?', [ids.E]),
    );
    expect(journal[0]!.n).toBe(0);

    const { retentionRuns } = await animation.data(`{ retentionRuns { totalCount edges { node { kind archived { name } anonymised { name } } } } }`);
    expect(retentionRuns.totalCount).toBe(1);
    expect(retentionRuns.edges[0].node).toMatchObject({
      kind: 'DAILY',
      archived: [{ name: 'PrénomA NomA' }],
      anonymised: [{ name: `Anonyme ${ids.E!.slice(0, 8)}` }],
    });
    expect(await report()).toEqual(reportBefore);
    expect(await referentReport()).toEqual(referentBefore);
    expect(await referentWorkbook()).toEqual(referentWorkbookBefore);
    expect((await animation.data(DRY_RUN)).retentionDryRun).toMatchObject({ toArchive: [], toAnonymise: [] });
  });

  it('runs once a day: a second run, or one at the same time, skips', async () => {
    const later = new Date(Date.now() + 1000);
    expect(await runRetentionInTenant(server.database.orm, tenant.tenantId, later)).toEqual({ ran: false });
    const next = new Date(`${months(1)}T12:00:00Z`);
    const outcomes = await Promise.all([
      runRetentionInTenant(server.database.orm, tenant.tenantId, next),
      runRetentionInTenant(server.database.orm, tenant.tenantId, next),
    ]);
    expect(outcomes.filter((outcome) => outcome.ran)).toHaveLength(1);
    const runs = await server.asOwner((em) =>
      em.execute<Array<{ n: number }>>(`select count(*)::int as n from retention_run where tenant_id = ? and day = ?`, [tenant.tenantId, months(1)]),
    );
    expect(runs[0]!.n).toBe(1);
  });

  it('hides an archived file from the referent, and opens it to the animation team only with a reason, logged', async () => {
    const fileOfA = toGlobalId('Participant', ids.A!);
    const FILE = `query($id: ID!) { participant(id: $id) { firstName } }`;
    expect((await referent.request(FILE, { id: fileOfA })).errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    expect((await animation.request(FILE, { id: fileOfA })).errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    const OPEN = `mutation($input: OpenArchivedFileInput!) { openArchivedFile(input: $input) }`;
    const refused = await animation.request(OPEN, { input: { participantId: fileOfA, reason: '  ' } });
    expect(refused.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'reason' });
    expect((await referent.request(OPEN, { input: { participantId: fileOfA, reason: 'Curiosité' } })).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    await animation.data(OPEN, { input: { participantId: fileOfA, reason: 'Contrôle de l’opération FSE+ par la DREETS' } });
    expect((await animation.data(FILE, { id: fileOfA })).participant.firstName).toBe('PrénomA');
    const log = await server.asOwner((em) =>
      em.execute<Array<{ reason: string; purposes: string[] }>>('select reason, purposes from access_log where participant_id = ?', [ids.A]),
    );
    expect(log).toEqual([{ reason: 'Contrôle de l’opération FSE+ par la DREETS', purposes: ['ARCHIVE_CONSULTATION'] }]);
    const { accessLog } = await animation.data(`query($id: ID!) { accessLog(participantId: $id) { edges { node { userName purposes reason } } } }`, {
      id: fileOfA,
    });
    expect(accessLog.edges).toEqual([{ node: { userName: expect.any(String), purposes: [], reason: 'Contrôle de l’opération FSE+ par la DREETS' } }]);
    const { archivedFiles } = await animation.data(`{ archivedFiles { totalCount edges { node { name archivedOn } } } }`);
    expect(archivedFiles.totalCount).toBe(5);
  });

  it('with the clock two years on, archives and anonymises what is due then, keeps the figures, and the access log still verifies', async () => {
    const checksBefore = await server.asOwner((em) => verifyAccessLog(em));
    expect(checksBefore.find((check) => check.tenantId === tenant.tenantId)).toMatchObject({ entries: 1, brokenAtSeq: null });
    const outcome = await runRetentionInTenant(server.database.orm, tenant.tenantId, new Date(`${months(24)}T12:00:00Z`));
    expect(outcome).toMatchObject({ ran: true, archived: 1, anonymised: 2, accessLogDeleted: 1 });
    const states = await server.asOwner((em) =>
      em.execute<Array<{ id: string; archived: boolean; anonymised: boolean }>>(
        'select id, archived_on is not null as archived, anonymised_on is not null as anonymised from participant where tenant_id = ?',
        [tenant.tenantId],
      ),
    );
    const state = Object.fromEntries(states.map((row) => [Object.keys(ids).find((key) => ids[key] === row.id), [row.archived, row.anonymised]]));
    expect(state).toEqual({ A: [true, false], B: [true, false], C: [false, false], D: [true, true], E: [true, true], F: [true, false], G: [true, true] });
    expect(await report()).toEqual(reportBefore);
    expect(await referentReport()).toEqual(referentBefore);
    expect(await referentWorkbook()).toEqual(referentWorkbookBefore);
    expect(await indicators()).toEqual(indicatorsBefore);

    // A read after the deletion chains on from the anchor: the whole chain verifies.
    await animation.data(`mutation($input: OpenArchivedFileInput!) { openArchivedFile(input: $input) }`, {
      input: { participantId: toGlobalId('Participant', ids.B!), reason: 'Demande d’accès de la personne' },
    });
    const checks = await server.asOwner((em) => verifyAccessLog(em));
    expect(checks.find((check) => check.tenantId === tenant.tenantId)).toMatchObject({ entries: 1, brokenAtSeq: null });
    // Without its anchor, the remaining chain no longer verifies: the anchor is what it starts from.
    const broken = await server
      .asOwner(async (em) => {
        await em.execute('delete from access_log_anchor where tenant_id = ?', [tenant.tenantId]);
        const result = await verifyAccessLog(em);
        throw Object.assign(new Error('rollback'), { result });
      })
      .catch((error: { result: Awaited<ReturnType<typeof verifyAccessLog>> }) => error.result);
    expect(broken.find((check) => check.tenantId === tenant.tenantId)?.brokenAtSeq).not.toBeNull();
  });

  it('records an operation’s last payment, once received and after its start, every problem at once', async () => {
    const SAVE = `mutation($input: SaveEsfOperationInput!) { saveEsfOperation(input: $input) { lastPaymentOn } }`;
    const operation = { fileNumber: 'SOLDE-2020', title: 'Soldée', startsOn: '2020-01-01', endsOn: '2021-12-31', beneficiary: 'Métropole' };
    const refused = await animation.request(SAVE, { input: { ...operation, startsOn: 'hier', lastPaymentOn: months(2) } });
    expect(refused.errors?.[0]?.extensions?.fields).toEqual([
      { field: 'startsOn', message: expect.any(String) },
      { field: 'lastPaymentOn', message: 'Cette date ne peut pas être dans le futur.' },
    ]);
    expect((await animation.request(SAVE, { input: { ...operation, lastPaymentOn: '2019-06-30' } })).errors?.[0]?.extensions?.field).toBe('lastPaymentOn');
    const { saveEsfOperation } = await animation.data(SAVE, { input: { ...operation, lastPaymentOn: '2022-06-30' } });
    expect(saveEsfOperation.lastPaymentOn).toBe('2022-06-30');
  });

  it('lets the tenant admin change the policy, every setting checked at once, a stale version refused', async () => {
    const admin = await loggedIn(server, tenant.users.admin.email);
    const SAVE = `mutation($input: UpdateRetentionPolicyInput!) { updateRetentionPolicy(input: $input) { archiveAfterMonths anonymiseAfterYears accessLogMonths version } }`;
    const policy = { archiveAfterMonths: 6, anonymiseAfterYears: 1, accessLogMonths: 24, version: 0 };
    expect((await animation.request(SAVE, { input: policy })).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const refused = await admin.request(SAVE, { input: { archiveAfterMonths: 0, anonymiseAfterYears: 31, accessLogMonths: 3, version: 0 } });
    expect(refused.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT' });
    expect((refused.errors?.[0]?.extensions?.fields as Array<{ field: string }>).map((f) => f.field)).toEqual([
      'archiveAfterMonths',
      'anonymiseAfterYears',
      'accessLogMonths',
    ]);
    const { updateRetentionPolicy } = await admin.data(SAVE, { input: policy });
    expect(updateRetentionPolicy).toEqual({ archiveAfterMonths: 6, anonymiseAfterYears: 1, accessLogMonths: 24, version: 1 });
    expect((await admin.request(SAVE, { input: policy })).errors?.[0]?.extensions?.code).toBe('CONFLICT');
    const { retentionPolicy } = await animation.data(`{ retentionPolicy { archiveAfterMonths anonymiseAfterYears accessLogMonths version } }`);
    expect(retentionPolicy).toEqual(updateRetentionPolicy);
  });
});
