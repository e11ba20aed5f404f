import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Stage } from './stage.entity';
import { createTenantFixture, FIXTURE_PASSWORD, type TenantFixture } from '../../testing/fixtures';
import { GraphqlClient, nodesOf } from '../../testing/graphql-client';
import { startTestServer, type TestServer } from '../../testing/test-server';

/** The request clock: stages are planned up to 31 December five years ahead of it. */
const clock = new Date('2026-11-27T10:00:00Z');
let server: TestServer;
let tenant: TenantFixture;
let referent: GraphqlClient;
let pathwayId: string;
let participantId: string;
let kinds: Record<string, string>;

const STAGE =
  'id version status kind { code label } operator { name } plannedStart plannedEnd actualStart actualEnd romeCode romeLabel outcome sharedSummary privateNotes';
const ADD = `mutation($input: AddStageInput!) { addStage(input: $input) { ${STAGE} } }`;
const UPDATE = `mutation($input: UpdateStageInput!) { updateStage(input: $input) { ${STAGE} } }`;

beforeAll(async () => {
  server = await startTestServer({}, { clock: () => clock });
  tenant = await createTenantFixture(server, 'Étapes');
  referent = new GraphqlClient(server.app);
  await referent.login(tenant.users.referent.email, FIXTURE_PASSWORD);
  const created = await referent.data(
    `mutation { createParticipant(input: { details: { firstName: "Yanis", lastName: "Roux", birthDate: "1992-03-03" } }) { id currentPathway { id } } }`,
  );
  pathwayId = created.createParticipant.currentPathway.id;
  participantId = created.createParticipant.id;
  const catalogue = await referent.data(`{ stageKinds { id code label category } }`);
  kinds = Object.fromEntries(catalogue.stageKinds.map((k: any) => [k.code, k.id]));
});
afterAll(() => server.close());

describe('the action plan', () => {
  it("every PLIE starts with the shared catalogue of stage kinds, labelled in the viewer's language", async () => {
    expect(Object.keys(kinds)).toEqual(expect.arrayContaining(['TRAINING_QUALIFYING', 'IAE_CDDI_ACI', 'IMMERSION_PMSMP', 'JOB_SEARCH', 'SUPPORT_MOBILITY']));
    const english = new GraphqlClient(server.app, { 'accept-language': 'en' });
    await english.login(tenant.users.referent.email, FIXTURE_PASSWORD);
    const labels = (await english.data(`{ stageKinds { code label } }`)).stageKinds;
    expect(labels).toContainEqual({ code: 'IMMERSION_PMSMP', label: 'Work immersion (PMSMP)' });
  });

  it('plans two stages run by partners, shown as a timeline, with a trade and notes kept apart from the shared summary', async () => {
    const training = await referent.data(ADD, {
      input: {
        pathwayId,
        kindId: kinds.TRAINING_QUALIFYING,
        operatorId: tenant.organisations.commune.globalId,
        plannedStart: '2026-12-07',
        plannedEnd: '2027-03-26',
        romeCode: 'k2204',
        sharedSummary: 'Titre professionnel agent de propreté',
        privateNotes: 'Inquiète pour la garde des enfants',
      },
    });
    expect(training.addStage).toMatchObject({
      status: 'PLANNED',
      kind: { code: 'TRAINING_QUALIFYING' },
      romeCode: 'K2204',
      romeLabel: expect.stringMatching(/propreté|nettoyage/i),
      privateNotes: 'Inquiète pour la garde des enfants',
    });
    await referent.data(ADD, { input: { pathwayId, kindId: kinds.IAE_CDDI_ACI, operatorId: tenant.organisations.siae.globalId, plannedStart: '2026-12-01' } });
    const timeline = await referent.data(`query($id: ID!) { stages(pathwayId: $id) { kind { code } plannedStart } }`, { id: pathwayId });
    expect(timeline.stages.map((s: any) => s.kind.code)).toEqual(['IAE_CDDI_ACI', 'TRAINING_QUALIFYING']);
    const history = await referent.data(
      `query($id: ID!) { participantHistory(participantId: $id, page: { first: 100 }) { edges { node { action changes { field after } } } } }`,
      { id: participantId },
    );
    const added = nodesOf(history.participantHistory).filter((h: any) => h.action === 'stage.added');
    expect(added).toHaveLength(2);
    // The private notes never reach the history (which other staff read).
    expect(JSON.stringify(history)).not.toContain('garde des enfants');
  });

  it('refuses inconsistent stages field by field and writes nothing', async () => {
    const before = await server.asOwner((em) => em.count(Stage, { tenant: tenant.tenantId }, { filters: false }));
    const cases: Array<[Record<string, unknown>, string]> = [
      [{ plannedStart: '2027-02-01', plannedEnd: '2027-01-01' }, 'plannedEnd'],
      [{ romeCode: 'Z9999' }, 'romeCode'],
      [{ plannedStart: '2027-02-30' }, 'plannedStart'],
      [{ kindId: 'U3RhZ2VLaW5kOjAwMDAwMDAwLTAwMDAtMDAwMC0wMDAwLTAwMDAwMDAwMDAwMA' }, 'kindId'],
    ];
    for (const [overrides, field] of cases) {
      const response = await referent.request(ADD, { input: { pathwayId, kindId: kinds.JOB_SEARCH, plannedStart: '2027-01-04', ...overrides } });
      expect({ field, extensions: response.errors?.[0]?.extensions }).toEqual({
        field,
        extensions: { code: 'BAD_USER_INPUT', field, fields: [{ field, message: expect.any(String) }] },
      });
    }
    // A stage from 01/01/1900 to 31/12/2999 of an unknown kind: the three problems at once, the limits named.
    const absurd = await referent.request(ADD, {
      input: { pathwayId, kindId: 'U3RhZ2VLaW5kOjAwMDAwMDAwLTAwMDAtMDAwMC0wMDAwLTAwMDAwMDAwMDAwMA', plannedStart: '1900-01-01', plannedEnd: '2999-12-31' },
    });
    expect(absurd.errors?.[0]?.extensions).toEqual({
      code: 'BAD_USER_INPUT',
      field: 'kindId',
      fields: [
        { field: 'kindId', message: expect.any(String) },
        { field: 'plannedStart', message: 'Cette date doit être au plus tôt le 03/03/2008 : les 16 ans de la personne.' },
        { field: 'plannedEnd', message: 'Cette date doit être au plus tard le 31/12/2031.' },
      ],
    });
    const otherTenant = await createTenantFixture(server, 'Autre');
    const foreignOperator = await referent.request(ADD, {
      input: { pathwayId, kindId: kinds.JOB_SEARCH, plannedStart: '2027-01-04', operatorId: otherTenant.organisations.siae.globalId },
    });
    expect(foreignOperator.errors?.[0]?.extensions).toEqual({ code: 'NOT_FOUND', field: 'operatorId' });
    expect(await server.asOwner((em) => em.count(Stage, { tenant: tenant.tenantId }, { filters: false }))).toBe(before);
  });

  it('records progress and outcome; a stage cannot end before it starts; a stale version is a CONFLICT', async () => {
    const { addStage: stage } = await referent.data(ADD, {
      input: { pathwayId, kindId: kinds.IMMERSION_PMSMP, operatorId: tenant.organisations.siae.globalId, plannedStart: '2026-11-02', plannedEnd: '2026-11-20' },
    });
    const base = { id: stage.id, version: stage.version, plannedStart: '2026-11-02', plannedEnd: '2026-11-20', operatorId: tenant.organisations.siae.globalId };
    const noStart = await referent.request(UPDATE, { input: { ...base, status: 'IN_PROGRESS' } });
    expect(noStart.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'actualStart' });
    const backwards = await referent.request(UPDATE, { input: { ...base, status: 'COMPLETED', actualStart: '2026-11-03', actualEnd: '2026-11-01' } });
    expect(backwards.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'actualEnd' });
    const done = await referent.data(UPDATE, {
      input: { ...base, status: 'COMPLETED', actualStart: '2026-11-03', actualEnd: '2026-11-20', outcome: 'Immersion concluante, embauche envisagée' },
    });
    expect(done.updateStage).toMatchObject({ status: 'COMPLETED', actualEnd: '2026-11-20', version: stage.version + 1 });
    const stale = await referent.request(UPDATE, { input: { ...base, status: 'ABANDONED', actualStart: '2026-11-03', actualEnd: '2026-11-05' } });
    expect(stale.errors?.[0]?.extensions).toEqual({ code: 'CONFLICT' });
  });

  it('the animation team plans stages on any file of the PLIE; partners reach no stage without consent, and never plan one', async () => {
    const animation = new GraphqlClient(server.app);
    await animation.login(tenant.users.animation.email, FIXTURE_PASSWORD);
    expect((await animation.request(ADD, { input: { pathwayId, kindId: kinds.JOB_SEARCH, plannedStart: '2027-01-04' } })).errors).toBeUndefined();
    const partner = new GraphqlClient(server.app);
    await partner.login(tenant.users.partner.email, FIXTURE_PASSWORD);
    expect((await partner.request(`query($id: ID!) { stages(pathwayId: $id) { id } }`, { id: pathwayId })).errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    expect((await partner.request(ADD, { input: { pathwayId, kindId: kinds.JOB_SEARCH, plannedStart: '2027-01-04' } })).errors?.[0]?.extensions?.code).toBe(
      'FORBIDDEN',
    );
  });

  it('the caseload list shows every field asked of a file and its stages, through fragments and aliases, as the file itself does', async () => {
    // The list reads only what is asked (participant-page.query.ts): whatever way it is asked, nothing asked is missing.
    const FILE = `id referent { displayName organisationName } currentPathway { status missingEsfFields } pathways { number esfVersion }`;
    const listed = await referent.data(
      `fragment Plan on Stage { ${STAGE} }
       { participants(filter: { mine: true }) { edges { node { ${FILE} ids: stages { id } stages { ...Plan } } } } }`,
    );
    const file = await referent.data(`query($id: ID!) { participant(id: $id) { ${FILE} stages { ${STAGE} } } }`, { id: participantId });
    const { ids, ...shown } = nodesOf(listed.participants).find((p: any) => p.id === participantId);
    expect(shown).toEqual(file.participant);
    expect(shown.stages.map((s: any) => s.privateNotes)).toContain('Inquiète pour la garde des enfants');
    expect(shown.stages.map((s: any) => s.operator?.name)).toContain(tenant.organisations.siae.name);
    expect(ids).toEqual(shown.stages.map((s: any) => ({ id: s.id })));
  });

  it('trades are found by job title while typing, accents or not', async () => {
    const found = await referent.data(`{ trades(search: "aide soign", first: 5) { code label } }`);
    expect(found.trades.map((t: any) => t.label).join(' ')).toMatch(/Aide-soignant/);
    const communes = await referent.data(`{ communes(search: "echirolles", first: 3) { code name } }`);
    expect(communes.communes[0]).toEqual({ code: '38151', name: 'Échirolles' });
  });
});
