import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { AbstractSqlConnection } from '@mikro-orm/postgresql';
import { PathwayStatus } from '@jalon/domain';
import { Tenant } from '../tenancy/tenant.entity';
import { Membership } from '../tenancy/membership.entity';
import { Participant } from './participant.entity';
import { Pathway } from './pathway.entity';
import { toGlobalId } from '../../graphql/relay';
import { createTenantFixture, FIXTURE_PASSWORD, type TenantFixture } from '../../testing/fixtures';
import { GraphqlClient, nodesOf } from '../../testing/graphql-client';
import { startTestServer, type TestServer } from '../../testing/test-server';
import { todayInFrance } from '../../graphql/date-input';

let server: TestServer;
let tenant: TenantFixture;
let referent: GraphqlClient;

const FILE = `id version firstName lastName birthDate communeCode communeName referent { displayName } access { canEdit }
  currentPathway { id version number status referralDate entryDate exitDate exitKind missingEsfFields }
  pathways { number status }`;
const CREATE = `mutation($input: CreateParticipantInput!) { createParticipant(input: $input) { ${FILE} } }`;
const STATUS = `mutation($input: ChangePathwayStatusInput!) { changePathwayStatus(input: $input) { ${FILE} } }`;
const HISTORY = `query($id: ID!) { participantHistory(participantId: $id, page: { first: 100 }) { edges { node { action authorName changes { field before after } } } } }`;

function details(overrides: Record<string, unknown> = {}) {
  return { firstName: 'Samia', lastName: 'Haddad', birthDate: '1988-04-12', gender: 'WOMAN', communeCode: '38151', postcode: '38130', ...overrides };
}

beforeAll(async () => {
  server = await startTestServer();
  tenant = await createTenantFixture(server, 'Parcours');
  referent = new GraphqlClient(server.app);
  await referent.login(tenant.users.referent.email, FIXTURE_PASSWORD);
});
afterAll(() => server.close());

describe('the participant file', () => {
  it('a referent creates a file: her caseload, a first pathway awaiting accreditation, a history entry', async () => {
    const { createParticipant: file } = await referent.data(CREATE, {
      input: { details: details(), entry: { employmentSituation: 'LONG_TERM_UNEMPLOYED', educationLevel: 3, disability: 'REFUSED' } },
    });
    expect(file).toMatchObject({
      firstName: 'Samia',
      communeName: 'Échirolles',
      referent: { displayName: `referent ${tenant.name.split(' ').at(-1)}` },
      access: { canEdit: true },
      currentPathway: { number: 1, status: 'PENDING_ACCREDITATION', referralDate: todayInFrance(new Date()) },
    });
    // "Refused to answer" counts as answered; unanswered items are listed for the ESF+ alert.
    expect(file.currentPathway.missingEsfFields).toEqual(['thirdCountryNational', 'foreignBackground', 'minority', 'homeless', 'ruralArea']);
    const history = await referent.data(HISTORY, { id: file.id });
    expect(nodesOf(history.participantHistory)).toHaveLength(1);
    expect(nodesOf(history.participantHistory)[0]).toMatchObject({ action: 'participant.created' });
    const caseload = await referent.data(`{ participants(filter: { mine: true }) { totalCount edges { node { lastName } } } }`);
    expect(caseload.participants.edges.map((e: any) => e.node.lastName)).toContain('Haddad');
  });

  it('warns of a possible duplicate (same name, any accent or case, same birth date) and creates only when confirmed', async () => {
    const duplicate = await referent.request(CREATE, { input: { details: details({ firstName: 'SAMIA', lastName: 'haddad' }) } });
    expect(duplicate.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'confirmNotDuplicate' });
    const found = await referent.data(`{ possibleDuplicates(lastName: "Haddad", firstName: "Samïa", birthDate: "1988-04-12") { lastName } }`);
    expect(found.possibleDuplicates).toHaveLength(1);
    const confirmed = await referent.request(CREATE, { input: { details: details(), confirmNotDuplicate: true } });
    expect(confirmed.errors).toBeUndefined();
  });

  it('refuses bad input field by field and writes nothing', async () => {
    const before = await server.asOwner((em) => em.count(Participant, { tenant: tenant.tenantId }, { filters: false }));
    const cases: Array<[Record<string, unknown>, string]> = [
      [{ communeCode: '99999' }, 'communeCode'],
      [{ birthDate: '2990-01-01' }, 'birthDate'],
      [{ birthDate: '1990-02-31' }, 'birthDate'],
      [{ lastName: '  ' }, 'lastName'],
      [{ postcode: '3813' }, 'postcode'],
      [{ priorityDistrictCode: 'XX123' }, 'priorityDistrictCode'],
      [{ email: 'samia@' }, 'email'],
    ];
    for (const [overrides, field] of cases) {
      const response = await referent.request(CREATE, { input: { details: details({ firstName: `Cas ${field}`, ...overrides }) } });
      expect({ field, extensions: response.errors?.[0]?.extensions }).toEqual({
        field,
        extensions: { code: 'BAD_USER_INPUT', field, fields: [{ field, message: expect.any(String) }] },
      });
    }
    const badLevel = await referent.request(CREATE, { input: { details: details({ firstName: 'Niveau' }), entry: { educationLevel: 9 } } });
    expect(badLevel.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'educationLevel' });
    expect(await server.asOwner((em) => em.count(Participant, { tenant: tenant.tenantId }, { filters: false }))).toBe(before);
  });

  it('follows the status machine to a positive exit into the in-job follow-up; a new entry keeps the old pathway', async () => {
    const { createParticipant: file } = await referent.data(CREATE, {
      input: { details: details({ firstName: 'Karim', lastName: 'Benali', birthDate: '1979-09-30' }), referralDate: '2026-01-05' },
    });
    const step = async (status: string, date: string, extra: Record<string, unknown> = {}) => {
      const current = (await referent.data(`query($id: ID!) { participant(id: $id) { currentPathway { id version } } }`, { id: file.id })).participant
        .currentPathway;
      return referent.request(STATUS, { input: { pathwayId: current.id, version: current.version, status, date, ...extra } });
    };

    const skipped = await step('CLOSED', '2026-02-01');
    expect(skipped.errors).toBeUndefined();
    // CLOSED from PENDING is allowed (refused at the commission); open a new pathway to go on.
    const reopened = await referent.data(
      `mutation($id: ID!) { openNewPathway(participantId: $id, referralDate: "2026-02-02") { pathways { number status } } }`,
      { id: file.id },
    );
    expect(reopened.openNewPathway.pathways).toEqual([
      { number: 2, status: 'PENDING_ACCREDITATION' },
      { number: 1, status: 'CLOSED' },
    ]);

    const active = await step('ACTIVE', '2026-02-10');
    expect(active.data?.changePathwayStatus.currentPathway).toMatchObject({ status: 'ACTIVE', entryDate: '2026-02-10' });

    const forbidden = await step('CLOSED', '2026-03-01');
    expect(forbidden.errors?.[0]).toMatchObject({
      extensions: { code: 'BAD_USER_INPUT', field: 'status' },
      message: "Ce changement de statut n'est pas possible pour un parcours actif.",
    });
    const beforeEntry = await step('EXITED', '2026-02-01', { exitKind: 'JOB_PERMANENT' });
    expect(beforeEntry.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'date' });
    const askedFollowUp = await step('IN_JOB_FOLLOW_UP', '2026-06-30');
    expect(askedFollowUp.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'status' });
    const noKind = await step('EXITED', '2026-06-30');
    expect(noKind.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'exitKind' });
    // No exit kind and a day before the entry: both are named at once.
    const twoWrong = await step('EXITED', '2026-02-01');
    expect((twoWrong.errors?.[0]?.extensions?.fields as Array<{ field: string }>).map((f) => f.field)).toEqual(['exitKind', 'date']);

    const exited = await step('EXITED', '2026-06-30', { exitKind: 'JOB_PERMANENT' });
    expect(exited.data?.changePathwayStatus.currentPathway).toMatchObject({ status: 'IN_JOB_FOLLOW_UP', exitDate: '2026-06-30', exitKind: 'JOB_PERMANENT' });
    // Closing waits for the follow-up check-ins (see participant-record.integration-spec.ts).
    const tooEarly = await step('CLOSED', '2026-11-01', { exitValidated: true });
    expect(tooEarly.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'status' });

    const history = nodesOf((await referent.data(HISTORY, { id: file.id })).participantHistory);
    expect(history.filter((h: any) => h.action === 'pathway.status').map((h: any) => h.changes.find((c: any) => c.field === 'status').after)).toEqual([
      'IN_JOB_FOLLOW_UP',
      'ACTIVE',
      'CLOSED',
    ]);
    const inFollowUp = await referent.data(`{ participants(filter: { statuses: [IN_JOB_FOLLOW_UP], search: "benali" }) { totalCount } }`);
    expect(inFollowUp.participants.totalCount).toBe(1);
  });

  it('pages through a long history, newest first, without repeats or gaps', async () => {
    const { createParticipant: file } = await referent.data(CREATE, {
      input: { details: details({ firstName: 'Histoire', lastName: 'Longue', birthDate: '1991-02-02' }) },
    });
    let version = file.version;
    for (const phone of ['01 00 00 00 01', '01 00 00 00 02', '01 00 00 00 03', '01 00 00 00 04']) {
      const saved = await referent.data(`mutation($input: UpdateParticipantInput!) { updateParticipant(input: $input) { version } }`, {
        input: { id: file.id, version, details: details({ firstName: 'Histoire', lastName: 'Longue', birthDate: '1991-02-02', phone }) },
      });
      version = saved.updateParticipant.version;
    }
    const seen: string[] = [];
    let after: string | null = null;
    do {
      const page: any = await referent.data(
        `query($id: ID!, $after: String) { participantHistory(participantId: $id, page: { first: 2, after: $after }) { totalCount edges { node { action changes { after } } } pageInfo { hasNextPage endCursor } } }`,
        { id: file.id, after },
      );
      expect(page.participantHistory.totalCount).toBe(5);
      seen.push(...nodesOf(page.participantHistory).map((n: any) => n.changes[0].after));
      after = page.participantHistory.pageInfo.hasNextPage ? page.participantHistory.pageInfo.endCursor : null;
    } while (after);
    expect(seen.slice(0, 4)).toEqual(['01 00 00 00 04', '01 00 00 00 03', '01 00 00 00 02', '01 00 00 00 01']);
    expect(seen).toHaveLength(5);
  });

  it('two people saving the same file: the second gets CONFLICT and loses nothing', async () => {
    const { createParticipant: file } = await referent.data(CREATE, {
      input: { details: details({ firstName: 'Lina', lastName: 'Morel', birthDate: '1995-01-20' }) },
    });
    const animation = new GraphqlClient(server.app);
    await animation.login(tenant.users.animation.email, FIXTURE_PASSWORD);
    const save = (client: GraphqlClient, phone: string) =>
      client.request(`mutation($input: UpdateParticipantInput!) { updateParticipant(input: $input) { version phone } }`, {
        input: { id: file.id, version: file.version, details: details({ firstName: 'Lina', lastName: 'Morel', birthDate: '1995-01-20', phone }) },
      });
    expect((await save(referent, '06 12 34 56 78')).data?.updateParticipant).toEqual({ version: 2, phone: '06 12 34 56 78' });
    const second = await save(animation, '07 00 00 00 00');
    expect(second.errors?.[0]?.extensions).toEqual({ code: 'CONFLICT' });
    const history = nodesOf((await referent.data(HISTORY, { id: file.id })).participantHistory);
    expect(history[0]).toMatchObject({ action: 'participant.updated', changes: [{ field: 'phone', before: null, after: '06 12 34 56 78' }] });
  });
});

describe('who may read and edit a file', () => {
  let colleague: GraphqlClient;
  let fileId: string;
  let colleagueFileVersion: number;

  beforeAll(async () => {
    // A second referent in the same operator.
    const email = await server.asOwner(async (em) => {
      const mine = await em.findOneOrFail(Membership, { id: tenant.users.referent.membershipId }, { filters: false, populate: ['user'] });
      const { User } = await import('../users/user.entity');
      const { UserCredential } = await import('../auth/user-credential.entity');
      const user = em.create(User, { email: `colleague-${tenant.tenantId.slice(0, 8)}@test.jalon`, displayName: 'Collègue' });
      em.create(UserCredential, { user, passwordHash: (await em.findOneOrFail(UserCredential, { user: mine.user })).passwordHash });
      em.create(Membership, { tenant: mine.tenant, user, organisation: mine.organisation, role: mine.role });
      return user.email;
    });
    colleague = new GraphqlClient(server.app);
    await colleague.login(email, FIXTURE_PASSWORD);
    const created = await referent.data(CREATE, { input: { details: details({ firstName: 'Paul', lastName: 'Rivière', birthDate: '1970-07-07' }) } });
    fileId = created.createParticipant.id;
    colleagueFileVersion = created.createParticipant.version;
  });

  it("a referent reads a colleague's file, read-only, and cannot change it", async () => {
    const read = await colleague.data(`query($id: ID!) { participant(id: $id) { lastName access { canEdit } } }`, { id: fileId });
    expect(read.participant).toEqual({ lastName: 'Rivière', access: { canEdit: false } });
    const write = await colleague.request(`mutation($input: UpdateParticipantInput!) { updateParticipant(input: $input) { id } }`, {
      input: { id: fileId, version: colleagueFileVersion, details: details({ firstName: 'Paul', lastName: 'Riviere', birthDate: '1970-07-07' }) },
    });
    expect(write.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect((await colleague.data(`{ participants(filter: { mine: true }) { totalCount } }`)).participants.totalCount).toBe(0);
  });

  it('when the PLIE keeps caseloads private, a colleague finds nothing, not even by id', async () => {
    await server.asOwner((em) => em.nativeUpdate(Tenant, { id: tenant.tenantId }, { colleaguesCanRead: false }));
    const fresh = new GraphqlClient(server.app);
    await fresh.login(`colleague-${tenant.tenantId.slice(0, 8)}@test.jalon`, FIXTURE_PASSWORD);
    expect((await fresh.request(`query($id: ID!) { participant(id: $id) { id } }`, { id: fileId })).errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    expect((await fresh.data(`{ participants { totalCount } }`)).participants.totalCount).toBe(0);
    // Nor through the duplicate check: it shows only readable files (creating one still refuses the double).
    expect((await fresh.data(`{ possibleDuplicates(lastName: "Rivière", firstName: "Paul", birthDate: "1970-07-07") { id } }`)).possibleDuplicates).toEqual([]);
    const twice = await fresh.request(CREATE, { input: { details: details({ firstName: 'Paul', lastName: 'Rivière', birthDate: '1970-07-07' }) } });
    expect(twice.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'confirmNotDuplicate' });
    await server.asOwner((em) => em.nativeUpdate(Tenant, { id: tenant.tenantId }, { colleaguesCanRead: true }));
  });

  it('partners see no participant at all (until consent says otherwise), not even through row-level security', async () => {
    const partner = new GraphqlClient(server.app);
    await partner.login(tenant.users.partner.email, FIXTURE_PASSWORD);
    expect((await partner.data(`{ participants { totalCount } }`)).participants.totalCount).toBe(0);
    expect((await partner.request(`query($id: ID!) { participant(id: $id) { id } }`, { id: fileId })).errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    expect(
      (await partner.request(`query($id: ID!) { participantHistory(participantId: $id) { totalCount } }`, { id: fileId })).errors?.[0]?.extensions?.code,
    ).toBe('FORBIDDEN');
  });
});

describe('the caseload', () => {
  it('loads with the same number of SQL statements for 5 or 70 participants', async () => {
    const own = await createTenantFixture(server, 'Portefeuille');
    await server.asOwner(async (em) => {
      const tenantRef = em.getReference(Tenant, own.tenantId);
      const referentRef = em.getReference(Membership, own.users.referent.membershipId);
      for (let i = 0; i < 70; i++) {
        const participant = em.create(Participant, {
          tenant: tenantRef,
          firstName: `Prénom${i}`,
          lastName: `Nom${String(i).padStart(2, '0')}`,
          searchKey: `nom${String(i).padStart(2, '0')} prenom${i}`,
          birthDate: '1990-01-01',
          referent: referentRef,
          currentStatus: PathwayStatus.ACTIVE,
        });
        em.create(Pathway, { tenant: tenantRef, participant, number: 1, referralDate: '2026-01-01', status: PathwayStatus.ACTIVE });
      }
    });
    const client = new GraphqlClient(server.app);
    await client.login(own.users.referent.email, FIXTURE_PASSWORD);
    const spy = vi.spyOn(AbstractSqlConnection.prototype, 'execute');
    const statementsFor = async (first: number) => {
      spy.mockClear();
      const data = await client.data(
        `query($first: Int) { participants(filter: { mine: true }, page: { first: $first }) { totalCount edges { node { lastName referent { displayName } currentPathway { status missingEsfFields } } } } }`,
        { first },
      );
      expect(data.participants.edges).toHaveLength(first);
      expect(data.participants.totalCount).toBe(70);
      return spy.mock.calls.length;
    };
    const small = await statementsFor(5);
    const full = await statementsFor(70);
    spy.mockRestore();
    expect(full).toBe(small);
    expect(full).toBeLessThanOrEqual(10);
  });
});

it('the list reads what each query asks, and answers each field as the file does', async () => {
  // A file without its gender and birth date would miss them from its ESF+ items: the list reads them for missingEsfFields alone.
  const { createParticipant: file } = await referent.data(CREATE, {
    input: { details: details({ firstName: 'Lise', lastName: 'Forme', communeCode: '38185', postcode: '38000' }), referralDate: '2026-01-05' },
  });
  await referent.data(STATUS, { input: { pathwayId: file.currentPathway.id, version: file.currentPathway.version, status: 'CLOSED', date: '2026-02-01' } });
  await referent.data(`mutation($id: ID!) { openNewPathway(participantId: $id, referralDate: "2026-02-02") { id } }`, { id: file.id });
  const whole = (await referent.data(`query($id: ID!) { participant(id: $id) { ${FILE} } }`, { id: file.id })).participant;
  const listed = async (fields: string) =>
    (await referent.data(`{ participants(filter: { search: "Forme" }) { edges { node { id ${fields} } } } }`)).participants.edges[0].node;

  expect(await listed('currentPathway { number missingEsfFields }')).toEqual({
    id: file.id,
    currentPathway: { number: 2, missingEsfFields: whole.currentPathway.missingEsfFields },
  });
  expect(whole.currentPathway.missingEsfFields).not.toContain('birthDate');
  expect(await listed('communeName pathways { number status }')).toEqual({ id: file.id, communeName: 'Grenoble', pathways: whole.pathways });
  expect(whole.pathways).toHaveLength(2);
  expect(await listed(FILE)).toEqual(whole);
});

it('the node interface resolves participants too, within the same rules', async () => {
  const other = await createTenantFixture(server, 'Autre');
  const stranger = new GraphqlClient(server.app);
  await stranger.login(other.users.admin.email, FIXTURE_PASSWORD);
  const ids = await server.asOwner((em) => em.find(Participant, { tenant: tenant.tenantId }, { filters: false, limit: 1 }));
  const response = await stranger.data(`query($id: ID!) { node(id: $id) { id } }`, { id: toGlobalId('Participant', ids[0]!.id) });
  expect(response.node).toBeNull();
});
