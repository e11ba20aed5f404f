import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applyRlsSettings, beginRequestTransaction } from '../../access/request-transaction';
import { parseGlobalId } from '../../graphql/relay';
import { remindDueReports } from './report-reminders';
import { createAciEmployee, createTenantFixture, FIXTURE_PASSWORD, type TenantFixture } from '../../testing/fixtures';
import { GraphqlClient } from '../../testing/graphql-client';
import { startTestServer, type TestServer } from '../../testing/test-server';

let server: TestServer;
/** The request clock: the overdue-report alert depends on the day of the month. */
let clock = new Date('2026-11-27T10:00:00Z');
let tenant: TenantFixture;
let referent: GraphqlClient;
let aci: GraphqlClient;
let commune: GraphqlClient;
/** Employees of the integration company: one who agreed to its reports, one who did not. */
let shared: { participantId: string; contractId: string; version: number };
let unshared: { participantId: string; contractId: string };

const FILE = `mutation($input: FileContractReportsInput!) { fileContractReports(input: $input) { id period hoursWorked authorOrganisationName } }`;
const COUNT = `query($period: String!) { contractMonthCount(period: $period) { period totalCount dueCount } }`;
const MONTH = `query($period: String!) { contractMonth(period: $period) { maxHours contract { id firstName lastName position weeklyHours } report { hoursWorked } } }`;

const report = (contractId: string, overrides: Record<string, unknown> = {}) => ({
  contractId,
  hoursWorked: 104,
  trainingHours: 6,
  trainingSubjects: 'Sécurité au travail',
  absenceHours: 8,
  absenceNote: 'Rendez-vous médical',
  skills: [{ skill: 'Ponctualité', level: 'ACQUIRED' }],
  obstaclesMet: ['MOBILITY'],
  comment: 'Bonne intégration dans l’équipe.',
  ...overrides,
});

beforeAll(async () => {
  server = await startTestServer({}, { clock: () => clock });
  tenant = await createTenantFixture(server, 'Contracts');
  const client = async (email: string) => {
    const c = new GraphqlClient(server.app);
    await c.login(email, FIXTURE_PASSWORD);
    return c;
  };
  referent = await client(tenant.users.referent.email);
  aci = await client(tenant.users.aci.email);
  commune = await client(tenant.users.partner.email);
  const one = await createAciEmployee(referent, tenant, 'Amrani');
  const two = await createAciEmployee(referent, tenant, 'Bertin');
  for (const hired of [one, two]) expect(hired.contract.employerName).toBe(tenant.organisations.siae.name);
  // Samir Amrani agreed to the integration company's preset: its contract stage and its reports.
  await referent.data(`mutation($input: GrantConsentInput!) { grantConsent(input: $input) { id } }`, {
    input: {
      participantId: one.participantId,
      granteeOrganisationId: tenant.organisations.siae.globalId,
      dataClasses: ['STAGE_LIST', 'STAGE_DETAILS', 'CONTRACT_REPORTS'],
      stageIds: [one.stageId],
      purpose: 'CONTRACT_REPORTING',
      method: 'SIGNED_FORM',
      collectedOn: '2026-09-01',
      noticeVersion: 'notice-2026-01',
    },
  });
  shared = { participantId: one.participantId, contractId: one.contract.id, version: one.contract.version };
  unshared = { participantId: two.participantId, contractId: two.contract.id };
});
afterAll(() => server.close());

describe('assisted contracts and the employer’s monthly reports', () => {
  it("the supervisor's month lists only the employee who agreed; she files his report and the referent reads it on the stage", async () => {
    const month = await aci.data(MONTH, { period: '2026-10' });
    expect(month.contractMonth).toEqual([
      {
        maxHours: 115.5,
        contract: { id: shared.contractId, firstName: 'Samir', lastName: 'Amrani', position: 'Ouvrier maraîcher', weeklyHours: 26 },
        report: null,
      },
    ]);
    // Counted in SQL for the home page, under the same rules: the one row, its report due.
    expect((await aci.data(COUNT, { period: '2026-10' })).contractMonthCount).toEqual({ period: '2026-10', totalCount: 1, dueCount: 1 });
    expect((await commune.request(COUNT, { period: '2026-10' })).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const filed = await aci.data(FILE, { input: { period: '2026-10', reports: [report(shared.contractId)] } });
    expect(filed.fileContractReports).toEqual([
      expect.objectContaining({ period: '2026-10', hoursWorked: 104, authorOrganisationName: tenant.organisations.siae.name }),
    ]);
    expect((await aci.data(MONTH, { period: '2026-10' })).contractMonth[0].report).toEqual({ hoursWorked: 104 });
    expect((await aci.data(COUNT, { period: '2026-10' })).contractMonthCount).toMatchObject({ totalCount: 1, dueCount: 0 });

    const onStage = await referent.data(
      `query($id: ID!) { participant(id: $id) { stages { contract { contractType endOn reports { period hoursWorked skills { skill level } obstaclesMet comment } } } } }`,
      { id: shared.participantId },
    );
    expect(onStage.participant.stages[0].contract.reports).toEqual([
      {
        period: '2026-10',
        hoursWorked: 104,
        skills: [{ skill: 'Ponctualité', level: 'ACQUIRED' }],
        obstaclesMet: ['MOBILITY'],
        comment: 'Bonne intégration dans l’équipe.',
      },
    ]);
  });

  it("raises the referent's alert once last month's report is past due, and lowers it when the report comes", async () => {
    const alerts = async () => (await referent.data(`query($id: ID!) { participant(id: $id) { alerts } }`, { id: unshared.participantId })).participant.alerts;
    expect(await alerts()).toContain('CONTRACT_REPORT_OVERDUE');
    clock = new Date('2026-11-05T10:00:00Z'); // October's report is due by 10 November
    expect(await alerts()).not.toContain('CONTRACT_REPORT_OVERDUE');
    clock = new Date('2026-11-27T10:00:00Z');
    // The referent files it herself (the employer is not on the platform for this person).
    await referent.data(FILE, { input: { period: '2026-10', reports: [report(unshared.contractId)] } });
    expect(await alerts()).not.toContain('CONTRACT_REPORT_OVERDUE');
    const filtered = await referent.data(`{ participants(filter: { alert: CONTRACT_REPORT_OVERDUE }) { edges { node { id } } } }`);
    expect(filtered.participants.edges.map((e: any) => e.node.id)).not.toContain(unshared.participantId);
  });

  it('reminds the employer once of a month it still owes, for an employee who agreed only', async () => {
    const december = new Date('2026-12-02T10:00:00Z');
    const reminders = async () =>
      (await aci.data(`{ notifications { edges { node { kind participantLabel period } } } }`)).notifications.edges
        .map((e: any) => e.node)
        .filter((n: any) => n.kind === 'REPORT_DUE');
    expect(await remindDueReports(server.database.orm, december)).toBeGreaterThanOrEqual(1);
    // November is owed for Samir Amrani; Samir Bertin did not agree to the company's reports: no reminder about him.
    expect(await reminders()).toEqual([{ kind: 'REPORT_DUE', participantLabel: 'Samir A.', period: '2026-11' }]);
    await remindDueReports(server.database.orm, december);
    expect(await reminders()).toHaveLength(1);
  });

  it('refuses a month already reported, hours over the contract and months outside it, naming the row; a batch with one bad row writes nothing', async () => {
    const again = await aci.request(FILE, { input: { period: '2026-10', reports: [report(shared.contractId)] } });
    expect(again.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'reports.0.period' });
    const over = await aci.request(FILE, { input: { period: '2026-11', reports: [report(shared.contractId, { hoursWorked: 120 })] } });
    expect(over.errors?.[0]).toMatchObject({
      message: expect.stringContaining('111.5'),
      extensions: { code: 'BAD_USER_INPUT', field: 'reports.0.hoursWorked' },
    });
    const before = await aci.request(FILE, { input: { period: '2026-08', reports: [report(shared.contractId)] } });
    expect(before.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'reports.0.period' });
    const health = await aci.request(FILE, { input: { period: '2026-11', reports: [report(shared.contractId, { obstaclesMet: ['HEALTH'] })] } });
    expect(health.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'reports.0.obstaclesMet' });
    const future = await aci.request(FILE, { input: { period: '2027-01', reports: [report(shared.contractId)] } });
    expect(future.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'period' });

    // Two rows, the second one the same employee again: nothing of the first is kept.
    const batch = await aci.request(FILE, { input: { period: '2026-11', reports: [report(shared.contractId), report(shared.contractId)] } });
    expect(batch.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'reports.1.contractId' });
    expect((await aci.data(MONTH, { period: '2026-11' })).contractMonth[0].report).toBeNull();
  });

  it('names every refused field of every row at once', async () => {
    const refused = await aci.request(FILE, {
      input: {
        period: '2026-11',
        reports: [
          report(shared.contractId, { hoursWorked: 120, absenceHours: -2, obstaclesMet: ['HEALTH'] }),
          report(shared.contractId, { trainingHours: 900 }),
        ],
      },
    });
    expect(refused.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'reports.0.hoursWorked' });
    expect((refused.errors?.[0]?.extensions?.fields as Array<{ field: string }>).map((f) => f.field)).toEqual([
      'reports.0.hoursWorked',
      'reports.0.obstaclesMet',
      'reports.0.absenceHours',
      'reports.1.contractId',
      'reports.1.trainingHours',
    ]);
    expect((await aci.data(MONTH, { period: '2026-11' })).contractMonth[0].report).toBeNull();
  });

  it('a retried submission (same key) files the month once', async () => {
    const input = { period: '2026-09', reports: [report(shared.contractId, { hoursWorked: 100 })], idempotencyKey: 'aci-2026-09-batch' };
    const first = await aci.data(FILE, { input });
    const retry = await aci.data(FILE, { input });
    expect(retry.fileContractReports.map((r: any) => r.id)).toEqual(first.fileContractReports.map((r: any) => r.id));
    const reports = await referent.data(`query($id: ID!) { participant(id: $id) { stages { contract { reports { period } } } } }`, {
      id: shared.participantId,
    });
    expect(reports.participant.stages[0].contract.reports.map((r: any) => r.period)).toEqual(['2026-10', '2026-09']);
  });

  it('writes nothing for an employee who did not agree, whatever the route; nor for a partner that does not run the stage', async () => {
    const hidden = await aci.request(FILE, { input: { period: '2026-10', reports: [report(unshared.contractId)] } });
    expect(hidden.errors?.[0]?.extensions).toEqual({ code: 'NOT_FOUND', field: 'reports.0.contractId' });
    const renew = await aci.request(`mutation($input: RenewContractInput!) { renewAssistedContract(input: $input) { endOn } }`, {
      input: { contractId: unshared.contractId, version: 1, newEndOn: '2027-08-31' },
    });
    expect(renew.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    expect((await aci.request(`query($id: ID!) { participant(id: $id) { id } }`, { id: unshared.participantId })).errors?.[0]?.extensions?.code).toBe(
      'NOT_FOUND',
    );

    // The commune sees the stage's details under its own consent, but does not run it: it may not report.
    await referent.data(`mutation($input: GrantConsentInput!) { grantConsent(input: $input) { id } }`, {
      input: {
        participantId: shared.participantId,
        granteeOrganisationId: tenant.organisations.commune.globalId,
        dataClasses: ['STAGE_LIST', 'STAGE_DETAILS', 'CONTRACT_REPORTS'],
        purpose: 'CONTRACT_REPORTING',
        method: 'SIGNED_FORM',
        collectedOn: '2026-09-01',
        noticeVersion: 'notice-2026-01',
      },
    });
    const notOperator = await commune.request(FILE, { input: { period: '2026-11', reports: [report(shared.contractId)] } });
    expect(notOperator.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');

    // Row-level security says the same, whatever the resolvers do: no report row for the hidden contract.
    const userId = parseGlobalId((await aci.data('{ me { user { id } } }')).me.user.id)!.id;
    const em = server.database.orm.em.fork();
    await beginRequestTransaction(em);
    try {
      await applyRlsSettings(em, { tenantId: tenant.tenantId, organisationId: tenant.organisations.siae.id, staff: false, userId });
      await expect(
        em.execute(
          `insert into contract_report (id, created_at, tenant_id, contract_id, period, hours_worked, training_hours, absence_hours, skills, obstacles_met, author_organisation_id, author_id, submitted_at)
           values (gen_random_uuid(), now(), ?, ?, '2026-10', 1, 0, 0, '[]', '{}', ?, jalon_user_id(), now())`,
          [tenant.tenantId, parseGlobalId(unshared.contractId)!.id, tenant.organisations.siae.id],
        ),
      ).rejects.toThrow(/row-level security/);
    } finally {
      await em.rollback();
    }
  });

  it('the employer renews the contract and records its end with the ASP outcome; revoking the consent stops its reports at once', async () => {
    const renewed = await aci.data(`mutation($input: RenewContractInput!) { renewAssistedContract(input: $input) { endOn version } }`, {
      input: { contractId: shared.contractId, version: shared.version, newEndOn: '2027-08-31' },
    });
    expect(renewed.renewAssistedContract.endOn).toBe('2027-08-31');
    const early = await aci.request(`mutation($input: RenewContractInput!) { renewAssistedContract(input: $input) { endOn } }`, {
      input: { contractId: shared.contractId, version: renewed.renewAssistedContract.version, newEndOn: '2027-03-31' },
    });
    expect(early.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'newEndOn' });

    const consents = await referent.data(`query($id: ID!) { consents(participantId: $id) { id version granteeOrganisation { name } } }`, {
      id: shared.participantId,
    });
    const aciConsent = consents.consents.find((c: any) => c.granteeOrganisation?.name === tenant.organisations.siae.name);
    await referent.data(
      `mutation($id: ID!, $version: Int!) { revokeConsent(consentId: $id, version: $version, reason: "Retrait demandé par la personne") { status } }`,
      {
        id: aciConsent.id,
        version: aciConsent.version,
      },
    );
    const after = await aci.request(FILE, { input: { period: '2026-11', reports: [report(shared.contractId)] } });
    expect(after.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    expect((await aci.data(MONTH, { period: '2026-11' })).contractMonth).toEqual([]);
    expect((await aci.data(COUNT, { period: '2026-11' })).contractMonthCount).toMatchObject({ totalCount: 0, dueCount: 0 });

    // The referent records the end herself.
    const ended = await referent.data(`mutation($input: EndContractInput!) { endAssistedContract(input: $input) { endedOn endReason } }`, {
      input: { contractId: shared.contractId, version: renewed.renewAssistedContract.version, endedOn: '2026-11-20', reason: 'FIXED_TERM_6_MONTHS_PLUS' },
    });
    expect(ended.endAssistedContract).toEqual({ endedOn: '2026-11-20', endReason: 'FIXED_TERM_6_MONTHS_PLUS' });
  });
});
