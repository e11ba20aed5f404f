import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applyRlsSettings, beginRequestTransaction } from '@jalon/api/src/access/request-transaction';
import { parseGlobalId } from '@jalon/api/src/graphql/relay';
import { createTenantFixture, FIXTURE_PASSWORD, type TenantFixture } from '@jalon/api/src/testing/fixtures';
import { GraphqlClient } from '@jalon/api/src/testing/graphql-client';
import { startTestServer, type TestServer } from '@jalon/api/src/testing/test-server';

/**
 * Issue 19: the operator of a stage sees that stage's details only under a consent that shares
 * them (or its reports, for their purpose); and a refusal of the details to every integration
 * company, with the reports shared with one, no longer breaks the supervisor's month.
 */

const NOW = new Date('2026-11-27T10:00:00Z');
let server: TestServer;
let tenant: TenantFixture;
let referent: GraphqlClient;
let trainer: GraphqlClient;
let aci: GraphqlClient;
let kinds: Record<string, string>;

const client = async (email: string) => {
  const c = new GraphqlClient(server.app);
  await c.login(email, FIXTURE_PASSWORD);
  return c;
};

async function person(lastName: string): Promise<{ participantId: string; pathwayId: string }> {
  const created = await referent.data(
    `mutation($details: ParticipantDetailsInput!) { createParticipant(input: { details: $details }) { id currentPathway { id } } }`,
    { details: { firstName: 'Revo', lastName, birthDate: '1990-03-04' } },
  );
  return { participantId: created.createParticipant.id, pathwayId: created.createParticipant.currentPathway.id };
}

async function stage(pathwayId: string, kind: string, operatorId: string, extra: Record<string, unknown> = {}): Promise<string> {
  const { addStage } = await referent.data(`mutation($input: AddStageInput!) { addStage(input: $input) { id } }`, {
    input: { pathwayId, kindId: kinds[kind], operatorId, plannedStart: '2026-09-01', ...extra },
  });
  return addStage.id;
}

async function consent(input: Record<string, unknown>): Promise<string> {
  const { grantConsent } = await referent.data(`mutation($input: GrantConsentInput!) { grantConsent(input: $input) { id } }`, {
    input: { method: 'SIGNED_FORM', collectedOn: '2026-09-01', noticeVersion: 'notice-2026-01', ...input },
  });
  return grantConsent.id;
}

/** The stage rows the partner's own transaction reads, as the application role. */
async function stageRowsFor(organisationId: string): Promise<string[]> {
  const em = server.database.orm.em.fork();
  await beginRequestTransaction(em);
  try {
    await applyRlsSettings(em, { tenantId: tenant.tenantId, organisationId, staff: false, now: NOW });
    return (await em.execute<Array<{ id: string }>>(`select id from stage`)).map((row) => row.id);
  } finally {
    await em.rollback();
  }
}

beforeAll(async () => {
  server = await startTestServer({}, { clock: () => NOW });
  tenant = await createTenantFixture(server, 'Opérateur');
  referent = await client(tenant.users.referent.email);
  trainer = await client(tenant.users.trainer.email);
  aci = await client(tenant.users.aci.email);
  kinds = Object.fromEntries((await referent.data(`{ stageKinds { id code } }`)).stageKinds.map((k: { id: string; code: string }) => [k.code, k.id]));
});
afterAll(() => server.close());

describe('the operator rule', () => {
  const STAGES = `query($id: ID!) { participant(id: $id) { currentPathway { status } stages { id sharedSummary outcome } } }`;

  it('shows the training operator nothing of its stage under a grant of the pathway status for meetings', async () => {
    const { participantId, pathwayId } = await person('Statut');
    const stageId = await stage(pathwayId, 'TRAINING_QUALIFYING', tenant.organisations.training.globalId, {
      sharedSummary: 'Remise à niveau, difficultés en calcul',
    });
    await consent({
      participantId,
      granteeOrganisationId: tenant.organisations.training.globalId,
      dataClasses: ['PATHWAY_STATUS'],
      purpose: 'COORDINATION_MEETINGS',
    });
    const seen = await trainer.request(STAGES, { id: participantId });
    expect(seen.errors).toBeUndefined();
    expect(seen.data!.participant.currentPathway).not.toBeNull();
    expect(seen.data!.participant.stages).toEqual([]);
    expect(JSON.stringify(seen)).not.toContain('calcul');
    expect(await stageRowsFor(tenant.organisations.training.id)).not.toContain(parseGlobalId(stageId)!.id);
  });

  it('shows the operator its stage and details under its reports shared for their purpose, not for another purpose', async () => {
    const { participantId, pathwayId } = await person('Rapports');
    const stageId = await stage(pathwayId, 'TRAINING_QUALIFYING', tenant.organisations.training.globalId, { sharedSummary: 'Assidu' });
    const terms = { participantId, granteeOrganisationId: tenant.organisations.training.globalId, dataClasses: ['TRAINING_REPORTS'], stageIds: [stageId] };
    await consent({ ...terms, purpose: 'COORDINATION_MEETINGS' });
    expect((await trainer.data(STAGES, { id: participantId })).participant.stages).toEqual([]);
    expect(await stageRowsFor(tenant.organisations.training.id)).not.toContain(parseGlobalId(stageId)!.id);

    await consent({ ...terms, purpose: 'TRAINING_FOLLOW_UP' });
    expect((await trainer.data(STAGES, { id: participantId })).participant.stages).toEqual([{ id: stageId, sharedSummary: 'Assidu', outcome: null }]);
    expect(await stageRowsFor(tenant.organisations.training.id)).toContain(parseGlobalId(stageId)!.id);
  });
});

describe("the supervisor's month under a refusal of the stage details to every integration company", () => {
  const MONTH = `query($period: String!) { contractMonth(period: $period) { maxHours contract { id lastName position } report { hoursWorked } } }`;
  const RENEW = `mutation($input: RenewContractInput!) { renewAssistedContract(input: $input) { id endOn } }`;

  async function employee(lastName: string) {
    const { participantId, pathwayId } = await person(lastName);
    const stageId = await stage(pathwayId, 'IAE_CDDI_ACI', tenant.organisations.siae.globalId);
    const { setAssistedContract } = await referent.data(`mutation($input: SetAssistedContractInput!) { setAssistedContract(input: $input) { id version } }`, {
      input: { stageId, contractType: 'CDDI', startOn: '2026-09-01', endOn: '2027-02-28', weeklyHours: 26, position: `Poste ${lastName}` },
    });
    await consent({
      participantId,
      granteeOrganisationId: tenant.organisations.siae.globalId,
      dataClasses: ['STAGE_LIST', 'STAGE_DETAILS', 'CONTRACT_REPORTS'],
      stageIds: [stageId],
      purpose: 'CONTRACT_REPORTING',
    });
    return { participantId, stageId, contract: setAssistedContract as { id: string; version: number } };
  }

  it('shows the other employees, leaves the refused contracts out, and refuses their renewal with a reason', async () => {
    const agreed = await employee('Accord');
    const refusing = await employee('Refus');
    // The case: stage details refused to every integration company, on every stage.
    await consent({
      participantId: refusing.participantId,
      granteeKind: 'INTEGRATION_COMPANY',
      effect: 'REFUSAL',
      dataClasses: ['STAGE_DETAILS'],
      purpose: 'CONTRACT_REPORTING',
    });
    // The same refusal for integration contracts only.
    const refusingByKind = await employee('RefusACI');
    await consent({
      participantId: refusingByKind.participantId,
      granteeKind: 'INTEGRATION_COMPANY',
      effect: 'REFUSAL',
      dataClasses: ['STAGE_DETAILS'],
      stageKindCodes: ['IAE_CDDI_ACI'],
      purpose: 'CONTRACT_REPORTING',
    });

    const month = await aci.request(MONTH, { period: '2026-10' });
    expect(month.errors).toBeUndefined();
    expect(month.data!.contractMonth).toEqual([
      { maxHours: 115.5, contract: { id: agreed.contract.id, lastName: 'Accord', position: 'Poste Accord' }, report: null },
    ]);
    expect(JSON.stringify(month)).not.toContain('Poste Refus');

    // Refused on every stage, the contract is not shared at all (row-level security): not found.
    const renew = (who: typeof refusing) =>
      aci.request(RENEW, { input: { contractId: who.contract.id, version: who.contract.version, newEndOn: '2027-06-30' } });
    const notShared = await renew(refusing);
    expect(notShared.errors?.[0]?.extensions).toEqual({ code: 'NOT_FOUND', field: 'contractId' });
    // Refused for its stage's kind: the contract exists for the employer, who is told why it may not change it.
    const refused = await renew(refusingByKind);
    expect(refused.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(refused.errors?.[0]?.message).toMatch(/détail de cette étape/);
    for (const who of [refusing, refusingByKind]) {
      const onStage = await referent.data(`query($id: ID!) { participant(id: $id) { stages { contract { endOn renewals { newEndOn } } } } }`, {
        id: who.participantId,
      });
      expect(onStage.participant.stages[0].contract).toEqual({ endOn: '2027-02-28', renewals: [] });
    }

    // The employee who agreed is renewed as before.
    const renewed = await aci.data(RENEW, { input: { contractId: agreed.contract.id, version: agreed.contract.version, newEndOn: '2027-06-30' } });
    expect(renewed.renewAssistedContract).toEqual({ id: agreed.contract.id, endOn: '2027-06-30' });
  });
});
