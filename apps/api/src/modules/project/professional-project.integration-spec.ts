import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeTradesOf } from '@jalon/reference-data/node';
import { createTenantFixture, FIXTURE_PASSWORD, type TenantFixture } from '../../testing/fixtures';
import { GraphqlClient, nodesOf } from '../../testing/graphql-client';
import { startTestServer, type TestServer } from '../../testing/test-server';

let server: TestServer;
let tenant: TenantFixture;
let referent: GraphqlClient;

beforeAll(async () => {
  server = await startTestServer();
  tenant = await createTenantFixture(server, 'Projet');
  referent = new GraphqlClient(server.app);
  await referent.login(tenant.users.referent.email, FIXTURE_PASSWORD);
});
afterAll(() => server.close());

async function newPathway(firstName: string): Promise<{ participantId: string; pathwayId: string }> {
  const data = await referent.data(`mutation($input: CreateParticipantInput!) { createParticipant(input: $input) { id currentPathway { id } } }`, {
    input: { details: { firstName, lastName: 'Projet', birthDate: '1985-05-05' }, referralDate: '2026-01-05', confirmNotDuplicate: true },
  });
  return { participantId: data.createParticipant.id, pathwayId: data.createParticipant.currentPathway.id };
}

const RECORD = `mutation($input: RecordProfessionalProjectInput!) {
  recordProfessionalProject(input: $input) { number authorName targets { trade { code label } status skillsAcquired skillsToAcquire } }
}`;
const target = (romeCode: string, status = 'TO_EXPLORE', skillsAcquired: string[] = [], skillsToAcquire: string[] = []) => ({
  romeCode,
  status,
  skillsAcquired,
  skillsToAcquire,
});
const fieldsOf = (response: { errors?: Array<{ extensions?: Record<string, unknown> }> }) =>
  (response.errors?.[0]?.extensions?.fields as Array<{ field: string }> | undefined)?.map((f) => f.field);

describe('trade sheet', () => {
  it('gives what the job is, how one gets in, and its close trades closest first', async () => {
    const { tradeSheet } = await referent.data(
      `{ tradeSheet(code: "k2204") { trade { code label } definition access closeTrades { trade { code label } rank } } }`,
    );
    expect(tradeSheet.trade.code).toBe('K2204');
    expect(tradeSheet.definition.length).toBeGreaterThan(0);
    expect(tradeSheet.access.length).toBeGreaterThan(0);
    expect(tradeSheet.closeTrades.map((c: { trade: { code: string }; rank: number }) => [c.trade.code, c.rank])).toEqual(
      closeTradesOf('K2204').map((c) => [c.code, c.rank]),
    );
    expect(tradeSheet.closeTrades.map((c: { rank: number }) => c.rank)).toEqual(
      [...tradeSheet.closeTrades.map((c: { rank: number }) => c.rank)].sort((a, b) => a - b),
    );
    expect((await referent.data(`{ tradeSheet(code: "Z9999") { trade { code } } }`)).tradeSheet).toBeNull();
  });
});

describe('professional project', () => {
  it('is recorded as versions, the latest first, and a change from an outdated version is a conflict', async () => {
    const { participantId, pathwayId } = await newPathway('Versions');
    const first = await referent.data(RECORD, {
      input: { pathwayId, amends: 0, targets: [target('K2204', 'TO_EXPLORE', [' Ponctualité ', '', 'Ponctualité', 'Travail en équipe'], ['CACES'])] },
    });
    expect(first.recordProfessionalProject).toMatchObject({
      number: 1,
      targets: [{ trade: { code: 'K2204' }, status: 'TO_EXPLORE', skillsAcquired: ['Ponctualité', 'Travail en équipe'], skillsToAcquire: ['CACES'] }],
    });
    const second = await referent.data(RECORD, { input: { pathwayId, amends: 1, targets: [target('K2204', 'CONFIRMED'), target('n1103')] } });
    expect(second.recordProfessionalProject.targets.map((t: { trade: { code: string }; status: string }) => [t.trade.code, t.status])).toEqual([
      ['K2204', 'CONFIRMED'],
      ['N1103', 'TO_EXPLORE'],
    ]);
    const stale = await referent.request(RECORD, { input: { pathwayId, amends: 1, targets: [] } });
    expect(stale.errors?.[0]?.extensions).toEqual({ code: 'CONFLICT' });

    const { professionalProjects } = await referent.data(`query($id: ID!) { professionalProjects(pathwayId: $id) { number targets { status } } }`, {
      id: pathwayId,
    });
    expect(professionalProjects.map((p: { number: number }) => p.number)).toEqual([2, 1]);
    const history = await referent.data(`query($id: ID!) { participantHistory(participantId: $id) { edges { node { action } } } }`, { id: participantId });
    expect(nodesOf(history.participantHistory).filter((h: { action: string }) => h.action === 'project.recorded')).toHaveLength(2);
  });

  it('names every problem at once: four trades, one twice, too many skills', async () => {
    const { pathwayId } = await newPathway('Erreurs');
    const tooMany = await referent.request(RECORD, {
      input: {
        pathwayId,
        amends: 0,
        targets: [
          target('K2204'),
          target('K2204'),
          target(
            'N1103',
            'TO_EXPLORE',
            Array.from({ length: 13 }, (_, i) => `Savoir ${i}`),
          ),
          target('G1605'),
        ],
      },
    });
    expect(tooMany.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(fieldsOf(tooMany)).toEqual(['targets', 'targets.1.romeCode', 'targets.2.skillsAcquired']);
    const unknown = await referent.request(RECORD, { input: { pathwayId, amends: 0, targets: [target('Z9999')] } });
    expect(fieldsOf(unknown)).toEqual(['targets.0.romeCode']);
    // Nothing was saved.
    expect((await referent.data(`query($id: ID!) { professionalProjects(pathwayId: $id) { number } }`, { id: pathwayId })).professionalProjects).toEqual([]);
  });
});

describe('close trades to explore', () => {
  it('start from the trades she held and aims at, and leave out those in her project', async () => {
    const { pathwayId } = await newPathway('Savoir-faire');
    const SUGGEST = `query($id: ID!) { tradeSuggestions(pathwayId: $id) { trade { code } rank from { code } } }`;
    expect((await referent.data(SUGGEST, { id: pathwayId })).tradeSuggestions).toEqual([]);

    const recorded = await referent.data(`mutation($input: RecordPastTradesInput!) { recordPastTrades(input: $input) { version pastTrades { code label } } }`, {
      input: { pathwayId, romeCodes: ['k2204'] },
    });
    expect(recorded.recordPastTrades.pastTrades.map((t: { code: string }) => t.code)).toEqual(['K2204']);
    const closest = closeTradesOf('K2204')[0]!;
    const suggested = (await referent.data(SUGGEST, { id: pathwayId })).tradeSuggestions;
    expect(suggested[0]).toEqual({ trade: { code: closest.code }, rank: closest.rank, from: [{ code: 'K2204' }] });

    // Added to the project in a click: no longer suggested, and its own close trades now are.
    await referent.data(RECORD, { input: { pathwayId, amends: 0, targets: [target(closest.code)] } });
    const after = (await referent.data(SUGGEST, { id: pathwayId })).tradeSuggestions.map((s: { trade: { code: string } }) => s.trade.code);
    expect(after).not.toContain(closest.code);
    expect(after).not.toContain('K2204');
    const fromTarget = closeTradesOf(closest.code).find((c) => c.code !== 'K2204');
    if (fromTarget) expect(after).toContain(fromTarget.code);

    // Past trades are checked as the rest: unknown or twice, and a stale diagnosis version.
    const bad = await referent.request(`mutation($input: RecordPastTradesInput!) { recordPastTrades(input: $input) { version } }`, {
      input: { pathwayId, version: recorded.recordPastTrades.version, romeCodes: ['K2204', 'K2204'] },
    });
    expect(fieldsOf(bad)).toEqual(['romeCodes']);
    const stale = await referent.request(`mutation($input: RecordPastTradesInput!) { recordPastTrades(input: $input) { version } }`, {
      input: { pathwayId, romeCodes: ['N1103'] },
    });
    expect(stale.errors?.[0]?.extensions).toEqual({ code: 'CONFLICT' });
  });
});
