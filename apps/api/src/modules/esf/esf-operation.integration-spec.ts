import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTenantFixture, type TenantFixture, loggedIn } from '../../testing/fixtures';
import { GraphqlClient } from '../../testing/graphql-client';
import { startTestServer, type TestServer } from '../../testing/test-server';

let server: TestServer;
let tenant: TenantFixture;
let other: TenantFixture;
let animation: GraphqlClient;
let referent: GraphqlClient;
let otherAnimation: GraphqlClient;

const SAVE = `mutation($input: SaveEsfOperationInput!) { saveEsfOperation(input: $input) { id fileNumber title startsOn endsOn beneficiary version } }`;
const FILE = `query($id: ID!) { participant(id: $id) { currentPathway { id esfVersion } esfOperation { fileNumber } esfOperationChanges { fromOperation toOperation changedBy reason } } }`;
const operation = (fileNumber: string, startsOn: string, endsOn: string) => ({
  fileNumber,
  title: `Opération ${fileNumber}`,
  startsOn,
  endsOn,
  beneficiary: 'Métropole de test',
});

const login = (email: string) => loggedIn(server, email);

/** A new file, entered (ACTIVE) on `entryDate`. */
async function enteredOn(entryDate: string): Promise<string> {
  const { createParticipant } = await referent.data(
    `mutation($details: ParticipantDetailsInput!) { createParticipant(input: { details: $details, referralDate: "2025-01-02" }) { id currentPathway { id version } } }`,
    { details: { firstName: 'Opé', lastName: `Fse ${entryDate}`, birthDate: '1990-02-03' } },
  );
  const pathway = createParticipant.currentPathway;
  await referent.data(`mutation($input: ChangePathwayStatusInput!) { changePathwayStatus(input: $input) { id } }`, {
    input: { pathwayId: pathway.id, version: pathway.version, status: 'ACTIVE', date: entryDate },
  });
  return createParticipant.id;
}

beforeAll(async () => {
  server = await startTestServer();
  tenant = await createTenantFixture(server, 'FSE');
  other = await createTenantFixture(server, 'FSE-AUTRE');
  animation = await login(tenant.users.animation.email);
  referent = await login(tenant.users.referent.email);
  otherAnimation = await login(other.users.animation.email);
});
afterAll(() => server.close());

describe('ESF+ operations', () => {
  it('the animation team records the operations; a pathway joins the one its entry day falls in', async () => {
    const first = (await animation.data(SAVE, { input: operation('202300871', '2025-01-01', '2025-06-30') })).saveEsfOperation;
    await animation.data(SAVE, { input: operation('202501204', '2025-07-01', '2026-12-31') });
    expect(first).toMatchObject({ fileNumber: '202300871', startsOn: '2025-01-01', version: 1 });
    // Referents read the list (to see a file's operation), the latest first; another PLIE sees none of it.
    expect((await referent.data(`{ esfOperations { fileNumber } }`)).esfOperations.map((o: { fileNumber: string }) => o.fileNumber)).toEqual([
      '202501204',
      '202300871',
    ]);
    expect((await otherAnimation.data(`{ esfOperations { fileNumber } }`)).esfOperations).toEqual([]);

    const inFirst = await enteredOn('2025-03-10');
    const inSecond = await enteredOn('2025-07-01');
    expect((await referent.data(FILE, { id: inFirst })).participant.esfOperation).toEqual({ fileNumber: '202300871' });
    expect((await referent.data(FILE, { id: inSecond })).participant.esfOperation).toEqual({ fileNumber: '202501204' });
  });

  it('names every wrong field at once, refuses a file number taken, and writes nothing', async () => {
    const refused = await animation.request(SAVE, {
      input: { fileNumber: '12 34', title: ' ', startsOn: '2030-01-01', endsOn: '2013-05-05', beneficiary: '' },
    });
    expect(refused.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    const fields = (refused.errors?.[0]?.extensions?.fields as Array<{ field: string }>).map((f) => f.field);
    expect(fields).toEqual(['fileNumber', 'title', 'beneficiary', 'startsOn', 'endsOn']);
    const backwards = await animation.request(SAVE, { input: operation('202399999', '2025-06-01', '2025-05-01') });
    expect(backwards.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'endsOn' });
    const taken = await animation.request(SAVE, { input: operation('202300871', '2024-01-01', '2024-12-31') });
    expect(taken.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'fileNumber' });
    expect((await animation.data(`{ esfOperations { fileNumber } }`)).esfOperations).toHaveLength(2);
  });

  it('a correction needs the version read: a stale one is a conflict', async () => {
    const [latest] = (await animation.data(`{ esfOperations { id version fileNumber } }`)).esfOperations;
    const input = { ...operation(latest.fileNumber, '2025-07-01', '2026-12-31'), id: latest.id, version: latest.version, title: 'Titre corrigé' };
    expect((await animation.data(SAVE, { input })).saveEsfOperation).toMatchObject({ title: 'Titre corrigé', version: latest.version + 1 });
    const stale = await animation.request(SAVE, { input: { ...input, title: 'Écrasé ?' } });
    expect(stale.errors?.[0]?.extensions?.code).toBe('CONFLICT');
  });

  it('moves a pathway to another operation with its reason kept; only the animation team may', async () => {
    const operations = (await animation.data(`{ esfOperations { id fileNumber } }`)).esfOperations as Array<{ id: string; fileNumber: string }>;
    const target = operations.find((o) => o.fileNumber === '202501204')!;
    const id = await enteredOn('2025-04-01');
    const before = (await referent.data(FILE, { id })).participant;
    const MOVE = `mutation($input: ChangePathwayOperationInput!) { changePathwayOperation(input: $input) { id } }`;
    const input = {
      pathwayId: before.currentPathway.id,
      version: before.currentPathway.esfVersion,
      operationId: target.id,
      reason: 'Financement réaffecté par le comité',
    };

    expect((await referent.request(MOVE, { input })).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const noReason = await animation.request(MOVE, { input: { ...input, reason: ' ' } });
    expect(noReason.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'reason' });
    const foreign = (await otherAnimation.request(MOVE, { input })).errors?.[0]?.extensions?.code;
    expect(foreign).toBe('NOT_FOUND');

    await animation.data(MOVE, { input });
    const after = (await referent.data(FILE, { id })).participant;
    expect(after.esfOperation).toEqual({ fileNumber: '202501204' });
    expect(after.esfOperationChanges).toEqual([
      { fromOperation: '202300871 — Opération 202300871', toOperation: '202501204 — Titre corrigé', changedBy: expect.any(String), reason: input.reason },
    ]);
    // The same move again, from the version read before it, is a conflict: nothing is overwritten unseen.
    expect((await animation.request(MOVE, { input })).errors?.[0]?.extensions?.code).toBe('CONFLICT');
  });
});
