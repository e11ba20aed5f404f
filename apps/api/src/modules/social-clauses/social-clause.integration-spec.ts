import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays } from '@jalon/domain';
import { createTenantFixture, type TenantFixture, loggedIn } from '../../testing/fixtures';
import { GraphqlClient, nodesOf } from '../../testing/graphql-client';
import { startTestServer, type TestServer } from '../../testing/test-server';
import { dayInFrance } from '../../graphql/date-input';

let server: TestServer;
let tenant: TenantFixture;
let officer: GraphqlClient;
let companyId: string;
let etti: string;
let classic: string;
const people: string[] = [];

// Days are counted from today, so the hand counts below hold whatever day the suite runs.
const today = dayInFrance(new Date());
const start = addDays(today, -99);
const end = addDays(today, 100);

const PROGRESS = `progress { hoursDone hoursRemaining percentDone expectedHoursToDate peoplePlaced lastHoursOn status }`;
const CLAUSE = `id version buyer contractName reference lot startsOn endsOn hoursOwed company { name } ${PROGRESS}`;
const PLACEMENT = `id version participantId participantName kind intermediary { name } position startsOn endsOn hoursDone hours { id fromOn toOn hours }`;
const CREATE = `mutation($input: CreateSocialClauseInput!) { createSocialClause(input: $input) { ${CLAUSE} } }`;
const UPDATE = `mutation($input: UpdateSocialClauseInput!) { updateSocialClause(input: $input) { ${CLAUSE} } }`;
const PLACE = `mutation($input: PlaceOnSocialClauseInput!) { placeOnSocialClause(input: $input) { ${PLACEMENT} } }`;
const HOURS = `mutation($input: RecordClauseHoursInput!) { recordClauseHours(input: $input) { ${PLACEMENT} } }`;
const READ = `query($id: ID!) { socialClause(id: $id) { ${CLAUSE} placements { ${PLACEMENT} } } }`;
const fieldsOf = (response: { errors?: Array<{ extensions?: Record<string, unknown> }> }) =>
  (response.errors?.[0]?.extensions?.fields as Array<{ field: string }> | undefined)?.map((f) => f.field);

const contract = (extra: Record<string, unknown> = {}) => ({
  companyId,
  buyer: 'Grenoble-Alpes Métropole',
  contractName: 'Nettoyage des équipements sportifs',
  reference: '2026-M-0412',
  lot: 'Lot 2 — gymnases',
  startsOn: start,
  endsOn: end,
  hoursOwed: 500,
  ...extra,
});

async function company(name: string, siret: string, kind: string): Promise<string> {
  const { createCompany } = await officer.data(`mutation($input: CreateCompanyInput!) { createCompany(input: $input) { id } }`, {
    input: { siret, name, kind, contacts: [] },
  });
  return createCompany.id;
}

beforeAll(async () => {
  server = await startTestServer();
  tenant = await createTenantFixture(server, 'Clauses');
  officer = await loggedIn(server, tenant.users.animation.email);
  companyId = await company('Propreté des Alpes', '44332211000018', 'CLASSIC');
  etti = await company('Intérim Solidaire', '55667788000016', 'INTEGRATION');
  classic = await company('Logistique du Drac', '66778899000014', 'CLASSIC');
  const referent = await loggedIn(server, tenant.users.referent.email);
  for (const lastName of ['Kaci', 'Roussel', 'Sow']) {
    const { createParticipant } = await referent.data(
      `mutation($details: ParticipantDetailsInput!) { createParticipant(input: { details: $details }) { id } }`,
      { details: { firstName: 'Personne', lastName, birthDate: '1985-03-02' } },
    );
    people.push(createParticipant.id);
  }
});
afterAll(() => server.close());

describe('social clauses', () => {
  it('counts the hours done of each person placed, the hours remaining and the pace, and says when the clause is late', async () => {
    const { createSocialClause: clause } = await officer.data(CREATE, { input: contract() });
    expect(clause).toMatchObject({
      company: { name: 'Propreté des Alpes' },
      hoursOwed: 500,
      // 100 of the period's 200 days are behind us: half the hours are due by today.
      progress: { hoursDone: 0, hoursRemaining: 500, percentDone: 0, expectedHoursToDate: 250, peoplePlaced: 0, lastHoursOn: null, status: 'LATE' },
    });

    const { placeOnSocialClause: hired } = await officer.data(PLACE, {
      input: { clauseId: clause.id, participantId: people[0], kind: 'DIRECT_HIRE', position: 'Agent de propreté', startsOn: start },
    });
    expect(hired).toMatchObject({ participantName: 'Personne Kaci', kind: 'DIRECT_HIRE', intermediary: null, hoursDone: 0, endsOn: null });
    const { placeOnSocialClause: provided } = await officer.data(PLACE, {
      input: { clauseId: clause.id, participantId: people[1], kind: 'MADE_AVAILABLE', intermediaryId: etti, startsOn: addDays(start, 20) },
    });
    expect(provided.intermediary).toEqual({ name: 'Intérim Solidaire' });

    const record = (placementId: string, from: number, to: number, hours: number, key?: string) =>
      officer.data(HOURS, { input: { placementId, fromOn: addDays(start, from), toOn: addDays(start, to), hours, idempotencyKey: key } });
    await record(hired.id, 0, 4, 35);
    expect((await record(hired.id, 7, 13, 70)).recordClauseHours).toMatchObject({ hoursDone: 105, hours: [{ hours: 70 }, { hours: 35 }] });
    // A retry of the same record counts once.
    await record(provided.id, 20, 29, 80, 'hours-retry-0001');
    expect((await record(provided.id, 20, 29, 80, 'hours-retry-0001')).recordClauseHours.hoursDone).toBe(80);

    // 35 + 70 + 80 = 185 done of 500: 315 remaining, 37 %; under three quarters of the 250 due (187.5): late.
    let read = (await officer.data(READ, { id: clause.id })).socialClause;
    expect(read.progress).toEqual({
      hoursDone: 185,
      hoursRemaining: 315,
      percentDone: 37,
      expectedHoursToDate: 250,
      peoplePlaced: 2,
      lastHoursOn: addDays(start, 29),
      status: 'LATE',
    });
    expect(read.placements.map((p: { participantName: string; hoursDone: number }) => [p.participantName, p.hoursDone])).toEqual([
      ['Personne Kaci', 105],
      ['Personne Roussel', 80],
    ]);

    // 7.5 more hours: 192.5, back on pace.
    await record(provided.id, 30, 30, 7.5);
    read = (await officer.data(READ, { id: clause.id })).socialClause;
    expect(read.progress).toMatchObject({ hoursDone: 192.5, hoursRemaining: 307.5, percentDone: 38.5, status: 'OPEN' });

    // The list: of a status, of a company, found by its buyer or reference.
    const LIST = `query($filter: SocialClauseFilter) { socialClauses(filter: $filter) { totalCount edges { node { contractName progress { status } } } } }`;
    expect((await officer.data(LIST, { filter: { status: 'OPEN' } })).socialClauses.totalCount).toBe(1);
    expect((await officer.data(LIST, { filter: { search: '0412' } })).socialClauses.totalCount).toBe(1);
    expect((await officer.data(LIST, { filter: { companyId: classic } })).socialClauses.totalCount).toBe(0);
    const onCompany = await officer.data(`query($id: ID!) { company(id: $id) { socialClauses { id progress { hoursDone } } } }`, { id: companyId });
    expect(onCompany.company.socialClauses).toEqual([{ id: clause.id, progress: { hoursDone: 192.5 } }]);
  });

  it('is completed once the hours are done, and late once its period is over without them', async () => {
    const { createSocialClause: small } = await officer.data(CREATE, {
      input: contract({ contractName: 'Espaces verts', reference: null, lot: null, hoursOwed: 20 }),
    });
    const { placeOnSocialClause: placed } = await officer.data(PLACE, {
      input: { clauseId: small.id, participantId: people[2], kind: 'TRAINING', startsOn: addDays(start, 1), endsOn: addDays(start, 10) },
    });
    await officer.data(HOURS, { input: { placementId: placed.id, fromOn: addDays(start, 1), toOn: addDays(start, 3), hours: 21 } });
    const done = (await officer.data(READ, { id: small.id })).socialClause.progress;
    expect(done).toMatchObject({ hoursDone: 21, hoursRemaining: 0, percentDone: 105, status: 'COMPLETED' });

    await officer.data(CREATE, {
      input: contract({ contractName: 'Voirie 2025', startsOn: addDays(today, -400), endsOn: addDays(today, -10), hoursOwed: 300 }),
    });
    const LIST = `query($status: SocialClauseStatus) { socialClauses(filter: { status: $status }) { edges { node { contractName } } } }`;
    const names = async (status: string) => nodesOf((await officer.data(LIST, { status })).socialClauses).map((c: { contractName: string }) => c.contractName);
    expect(await names('COMPLETED')).toEqual(['Espaces verts']);
    expect(await names('LATE')).toEqual(['Voirie 2025']);
  });

  it('refuses implausible contracts, placements and hours, naming every field, and writes nothing', async () => {
    const bad = await officer.request(CREATE, { input: contract({ buyer: ' ', endsOn: addDays(start, -1), hoursOwed: -5 }) });
    expect(bad.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(fieldsOf(bad)).toEqual(['buyer', 'endsOn', 'hoursOwed']);
    const tooLong = await officer.request(CREATE, { input: contract({ startsOn: '1990-01-01', endsOn: '2040-01-01', hoursOwed: 1_000_000 }) });
    expect(fieldsOf(tooLong)).toEqual(['startsOn', 'hoursOwed']);
    expect(fieldsOf(await officer.request(CREATE, { input: contract({ hoursOwed: 0.004 }) }))).toEqual(['hoursOwed']);
    const count = async () => (await officer.data(`{ socialClauses { totalCount } }`)).socialClauses.totalCount;
    const before = await count();

    const { createSocialClause: clause } = await officer.data(CREATE, { input: contract({ contractName: 'Restauration scolaire' }) });
    expect(await count()).toBe(before + 1);
    const place = (input: Record<string, unknown>) =>
      officer.request(PLACE, { input: { clauseId: clause.id, participantId: people[0], kind: 'DIRECT_HIRE', startsOn: start, ...input } });
    // Through an integration company, but none named; and before the contract starts.
    expect(fieldsOf(await place({ kind: 'MADE_AVAILABLE', startsOn: addDays(start, -1) }))).toEqual(['intermediaryId', 'startsOn']);
    expect(fieldsOf(await place({ kind: 'MADE_AVAILABLE', intermediaryId: classic }))).toEqual(['intermediaryId']);
    expect(fieldsOf(await place({ intermediaryId: etti, endsOn: addDays(end, 1) }))).toEqual(['intermediaryId', 'endsOn']);
    const unknown = await place({ participantId: 'UGFydGljaXBhbnQ6MDAwMDAwMDAtMDAwMC0wMDAwLTAwMDAtMDAwMDAwMDAwMDAw' });
    expect(unknown.errors?.[0]?.extensions).toMatchObject({ code: 'NOT_FOUND', field: 'participantId' });
    const { placeOnSocialClause: placed } = await officer.data(PLACE, {
      input: { clauseId: clause.id, participantId: people[0], kind: 'DIRECT_HIRE', startsOn: start, endsOn: addDays(start, 30) },
    });
    // The same person on the same clause at the same time.
    expect((await place({ startsOn: addDays(start, 10) })).errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'startsOn' });

    const hours = (input: Record<string, unknown>) =>
      officer.request(HOURS, { input: { placementId: placed.id, fromOn: addDays(start, 1), toOn: addDays(start, 5), hours: 30, ...input } });
    // 60 hours over 5 days is more than 10 a day; days before the placement or after today; the end before the start.
    expect((await hours({ hours: 60 })).errors?.[0]?.extensions).toMatchObject({ field: 'hours' });
    expect(fieldsOf(await hours({ fromOn: addDays(start, -1), hours: 0.001 }))).toEqual(['fromOn', 'hours']);
    expect(fieldsOf(await hours({ toOn: addDays(start, 40) }))).toEqual(['toOn']);
    expect(fieldsOf(await hours({ fromOn: addDays(start, 6) }))).toEqual(['toOn']);
    expect(fieldsOf(await hours({ toOn: addDays(today, 1), fromOn: today }))).toEqual(['toOn', 'fromOn']);
    await officer.data(HOURS, { input: { placementId: placed.id, fromOn: addDays(start, 1), toOn: addDays(start, 5), hours: 30 } });
    // The same days twice.
    expect(fieldsOf(await hours({ fromOn: addDays(start, 5), toOn: addDays(start, 6), hours: 7 }))).toEqual(['fromOn']);
    expect((await officer.data(READ, { id: clause.id })).socialClause.progress.hoursDone).toBe(30);
    // A record typed by mistake is taken back; its days can be recorded again.
    const REMOVE = `mutation($input: RemoveClauseHoursInput!) { removeClauseHours(input: $input) { hoursDone hours { id } } }`;
    const [typo] = (await officer.data(READ, { id: clause.id })).socialClause.placements[0].hours;
    expect((await officer.data(REMOVE, { input: { id: typo.id } })).removeClauseHours).toEqual({ hoursDone: 0, hours: [] });
    expect((await officer.request(REMOVE, { input: { id: typo.id } })).errors?.[0]?.extensions).toMatchObject({ code: 'NOT_FOUND', field: 'id' });
    await officer.data(HOURS, { input: { placementId: placed.id, fromOn: addDays(start, 1), toOn: addDays(start, 5), hours: 30 } });

    // The contract cannot shrink past the hours recorded; a stale version is a conflict.
    const shrink = await officer.request(UPDATE, {
      input: {
        ...contract({ contractName: 'Restauration scolaire', endsOn: addDays(start, 3) }),
        companyId: undefined,
        id: clause.id,
        version: clause.version,
      },
    });
    expect(fieldsOf(shrink)).toEqual(['endsOn']);
    const { updateSocialClause: updated } = await officer.data(UPDATE, {
      input: { ...contract({ contractName: 'Restauration scolaire', hoursOwed: 450 }), companyId: undefined, id: clause.id, version: clause.version },
    });
    expect(updated.progress).toMatchObject({ hoursDone: 30, hoursRemaining: 420 });
    const stale = await officer.request(UPDATE, {
      input: { ...contract({ contractName: 'Restauration scolaire' }), companyId: undefined, id: clause.id, version: clause.version },
    });
    expect(stale.errors?.[0]?.extensions?.code).toBe('CONFLICT');

    // A placement ends: not before the hours it holds; a stale version is a conflict.
    const UPDATE_PLACEMENT = `mutation($input: UpdateClausePlacementInput!) { updateClausePlacement(input: $input) { endsOn version } }`;
    const ending = { id: placed.id, version: placed.version, kind: 'DIRECT_HIRE', startsOn: start };
    expect(fieldsOf(await officer.request(UPDATE_PLACEMENT, { input: { ...ending, endsOn: addDays(start, 2) } }))).toEqual(['endsOn']);
    const ended = (await officer.data(UPDATE_PLACEMENT, { input: { ...ending, endsOn: addDays(start, 5) } })).updateClausePlacement;
    expect(ended.endsOn).toBe(addDays(start, 5));
    expect((await officer.request(UPDATE_PLACEMENT, { input: { ...ending, endsOn: addDays(start, 6) } })).errors?.[0]?.extensions?.code).toBe('CONFLICT');
  });
});
