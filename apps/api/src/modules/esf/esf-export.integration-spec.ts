import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EmploymentSituation, EsfAnswer, Gender } from '@jalon/domain';
import { toGlobalId } from '../../graphql/relay';
import { createTenantFixture, FIXTURE_PASSWORD, type TenantFixture } from '../../testing/fixtures';
import { GraphqlClient } from '../../testing/graphql-client';
import { startTestServer, type TestServer } from '../../testing/test-server';
import { uploadFile } from '../../testing/upload';
import { esfFixture } from '../../testing/esf-people';
import type { EsfRecord } from './esf-record.entity';

/**
 * The round trip with the managing authority on four people of one operation: Anne (left, all
 * answered), Bruno and Driss (in pathway, complete), Chloé (gender and education level missing).
 */
let server: TestServer;
let tenant: TenantFixture;
let operationId: string;
let animation: GraphqlClient;
let referent: GraphqlClient;
const people: Record<string, { participantId: string; pathwayId: string }> = {};

const ENTRY = {
  employmentSituation: EmploymentSituation.UNEMPLOYED,
  educationLevel: 4,
  disability: EsfAnswer.NO,
  thirdCountryNational: EsfAnswer.NO,
  foreignBackground: EsfAnswer.REFUSED,
  minority: EsfAnswer.NO,
  homeless: EsfAnswer.NO,
  ruralArea: EsfAnswer.NO,
};
const EXPORT = `id complete lineCount layout answeredAt rejectedCount errorFileName downloadPath version rejections { participantId participantName reason }`;
const CREATE = `mutation($input: CreateEsfExportInput!) { createEsfExport(input: $input) { ${EXPORT} } }`;
const FILE = `query($id: ID!) { participant(id: $id) { alerts esfRejection { reason fileNumber exportedAt } } }`;

beforeAll(async () => {
  server = await startTestServer();
  tenant = await createTenantFixture(server, 'ESFEXPORT');
  await server.asOwner(async (em) => {
    const esf = esfFixture(em, tenant.tenantId, tenant.users.referent.membershipId);
    const operation = esf.operation('202599998', '2025-01-01', '2026-12-31');
    operationId = toGlobalId('EsfOperation', operation.id);
    const person = (key: string, firstName: string, gender: Gender | null, exitDate: string | null, record: Partial<EsfRecord>) => {
      people[key] = esf.person(operation, { firstName, lastName: 'Fichier', gender }, exitDate, record);
    };
    const exit = { exitJobSearching: EsfAnswer.YES, exitInTraining: EsfAnswer.NO, exitQualification: EsfAnswer.NO, exitEmployed: EsfAnswer.NO };
    person('Anne', 'Anne;Marie', Gender.WOMAN, '2025-09-01', { ...ENTRY, ...exit, exitAnsweredOn: '2025-09-10' });
    person('Bruno', 'Bruno', Gender.MAN, null, ENTRY);
    person('Chloé', 'Chloé', null, null, { ...ENTRY, educationLevel: null });
    person('Driss', 'Driss', Gender.MAN, null, ENTRY);
    await em.flush();
  });
  animation = new GraphqlClient(server.app);
  await animation.login(tenant.users.animation.email, FIXTURE_PASSWORD);
  referent = new GraphqlClient(server.app);
  await referent.login(tenant.users.referent.email, FIXTURE_PASSWORD);
});
afterAll(() => server.close());

const download = (path: string, cookie = animation.cookie!) => server.app.inject({ method: 'GET', url: path, headers: { cookie } });
const errorFile = (exportId: string, content: string, cookie = animation.cookie!) =>
  uploadFile(server.app, `/esf/exports/${exportId}/error-file`, cookie, 'erreurs.csv', content);
const exportsOf = async () => (await animation.data(`query($id: ID!) { esfExports(operationId: $id) { ${EXPORT} } }`, { id: operationId })).esfExports;
const fileOf = async (key: string) => (await referent.data(FILE, { id: toGlobalId('Participant', people[key]!.participantId) })).participant;
const rowsOf = (csv: string) => csv.split('\r\n').filter(Boolean).slice(1);

describe('the ESF+ file for the managing authority', () => {
  let first: { id: string; downloadPath: string; version: number };

  it('writes every line of the operation in the authority’s layout, as the golden file, and records who sent what', async () => {
    first = (await animation.data(CREATE, { input: { operationId, complete: true, idempotencyKey: 'esf-export-first' } })).createEsfExport;
    expect(first).toMatchObject({ complete: true, lineCount: 4, layout: 'MDFSE-PARTICIPANTS-2021-1', answeredAt: null, rejectedCount: null, rejections: [] });
    const file = await download(first.downloadPath);
    expect(file.statusCode).toBe(200);
    expect(file.headers['content-type']).toBe('text/csv; charset=utf-8');
    const golden = readFileSync(new URL('./testdata/esf-export.golden.csv', import.meta.url), 'utf8').replace(
      /\{(\w+|Chloé)\}/g,
      (_, key: string) => people[key]!.pathwayId,
    );
    expect(file.body).toBe(golden);
    // A retry of the same request gets the same export, not a second one.
    const again = (await animation.data(CREATE, { input: { operationId, complete: true, idempotencyKey: 'esf-export-first' } })).createEsfExport;
    expect(again.id).toBe(first.id);
    expect(await exportsOf()).toHaveLength(1);
  });

  it('is the animation team’s: a referent can neither export, download nor answer', async () => {
    const refused = await referent.request(CREATE, { input: { operationId, complete: true } });
    expect(refused.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect((await download(first.downloadPath, referent.cookie!)).statusCode).toBe(403);
    expect((await errorFile(first.id, 'ID_PARTICIPANT;MOTIF_REJET\r\n', referent.cookie!)).statusCode).toBe(403);
  });

  it('refuses a foreign file, a file naming someone the export did not hold, or no file, and changes nothing', async () => {
    const foreign = await errorFile(first.id, 'NOM;PRENOM\r\nFichier;Anne\r\n');
    expect(foreign.statusCode).toBe(400);
    expect(foreign.json()).toMatchObject({ code: 'BAD_USER_INPUT', field: 'file', error: expect.stringContaining('« ID_PARTICIPANT »') });
    const stranger = await errorFile(first.id, `ID_PARTICIPANT;MOTIF_REJET\r\n${people.Bruno!.pathwayId};Sexe absent\r\n${tenant.tenantId};Inconnu\r\n`);
    expect(stranger.statusCode).toBe(400);
    expect(stranger.json().error).toContain('Ligne 3');
    const none = await uploadFile(server.app, `/esf/exports/${first.id}/error-file`, animation.cookie!, 'vide.csv', '');
    expect(none.statusCode).toBe(400);
    expect((await exportsOf())[0]).toMatchObject({ answeredAt: null, rejectedCount: null });
    expect((await fileOf('Bruno')).esfRejection).toBeNull();
  });

  it('flags exactly the three people the error file rejects, on their file and in their referent’s alerts', async () => {
    // The authority's own column order, a byte-order mark and Windows line ends, as its files come.
    const content = `\ufeffNUM_DOSSIER;ID_PARTICIPANT;NOM;MOTIF_REJET\r\n${['Anne', 'Bruno', 'Chloé']
      .map((key) => `202599998;${people[key]!.pathwayId};Fichier;Rejet de ${key}`)
      .join('\r\n')}\r\n`;
    const imported = await errorFile(first.id, content);
    expect(imported.statusCode).toBe(201);
    expect(imported.json()).toMatchObject({ rejectedCount: 3, errorFileName: 'erreurs.csv' });
    const [answered] = await exportsOf();
    expect(answered.rejections.map((r: { participantName: string; reason: string }) => [r.participantName, r.reason])).toEqual([
      ['FICHIER Anne;Marie', 'Rejet de Anne'],
      ['FICHIER Bruno', 'Rejet de Bruno'],
      ['FICHIER Chloé', 'Rejet de Chloé'],
    ]);
    for (const key of ['Anne', 'Bruno', 'Chloé']) {
      const file = await fileOf(key);
      expect(file.esfRejection).toEqual({ reason: `Rejet de ${key}`, fileNumber: '202599998', exportedAt: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T/) });
      expect(file.alerts).toContain('ESF_REJECTED');
    }
    expect(await fileOf('Driss')).toMatchObject({ esfRejection: null, alerts: expect.not.arrayContaining(['ESF_REJECTED']) });
    // The referent's caseload filtered by the alert: her list of files to see to.
    const flagged = await referent.data(`{ participants(filter: { alert: ESF_REJECTED }) { totalCount edges { node { firstName } } } }`);
    expect(flagged.participants.edges.map((e: { node: { firstName: string } }) => e.node.firstName).sort()).toEqual(['Anne;Marie', 'Bruno', 'Chloé']);
    // An answer is recorded once.
    expect((await errorFile(first.id, 'ID_PARTICIPANT;MOTIF_REJET\r\n')).json()).toMatchObject({ code: 'BAD_USER_INPUT', field: 'exportId' });
  });

  it('sends next only the lines new or changed since their last accepted line, and clears a rejection once accepted', async () => {
    const incremental = (await animation.data(CREATE, { input: { operationId, complete: false } })).createEsfExport;
    // Driss was accepted as he is; the three rejected lines go again.
    expect(incremental.lineCount).toBe(3);
    expect(rowsOf((await download(incremental.downloadPath)).body).map((row) => row.split(';')[1])).toEqual(
      ['Anne', 'Bruno', 'Chloé'].map((key) => people[key]!.pathwayId),
    );
    // Sent is not accepted: the rejection stays until the authority answers.
    expect((await fileOf('Bruno')).esfRejection).not.toBeNull();
    await animation.data(`mutation($id: ID!, $v: Int!) { acceptEsfExport(exportId: $id, version: $v) { id } }`, { id: incremental.id, v: incremental.version });
    for (const key of ['Anne', 'Bruno', 'Chloé']) expect((await fileOf(key)).esfRejection).toBeNull();
    const nothing = await animation.request(CREATE, { input: { operationId, complete: false } });
    expect(nothing.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'complete' });
  });
});
