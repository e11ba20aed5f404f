import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTenantFixture, type TenantFixture, loggedIn } from '@jalon/api/src/testing/fixtures';
import { startTestServer, type TestServer } from '@jalon/api/src/testing/test-server';
import { uploadFile } from '@jalon/api/src/testing/upload';

/**
 * Importing writes whole files of people at once: only the animation team (and the PLIE's
 * administrator) may, never a referent or a partner, however they ask (the upload route, each
 * query and mutation, aliases, fragments, another PLIE's file id); and a file may name only the
 * PLIE's own referents. (Row by row in SQL: rls-by-table, import_*.)
 */
let server: TestServer;
let plie: TenantFixture;
let other: TenantFixture;
let fileId: string;

const codeOf = (response: { errors?: Array<{ extensions?: Record<string, unknown> }> }) => response.errors?.[0]?.extensions?.code;
const csv = (referent: string) =>
  `N° dossier;Nom;Prénom;Date de naissance;Référent;Date d'orientation\r\nS-1;Sécurité;Sam;12/05/1984;${referent};03/03/2026\r\n`;
const input = (id: string) => ({
  fileId: id,
  source: 'Ancien outil',
  columns: [
    ['externalId', 'N° dossier'],
    ['lastName', 'Nom'],
    ['firstName', 'Prénom'],
    ['birthDate', 'Date de naissance'],
    ['referentEmail', 'Référent'],
    ['referralDate', "Date d'orientation"],
  ].map(([field, column]) => ({ field, column })),
});
const RUN = `mutation($input: ImportMappingInput!) { runImport(input: $input) { id createdParticipants } }`;
const CHECK = `mutation($input: ImportMappingInput!) { checkImport(input: $input) { problems { line field message } } }`;

async function participantsNamed(lastName: string): Promise<number> {
  const [row] = await server.asOwner((em) => em.execute(`select count(*)::int as n from participant where last_name = ?`, [lastName]));
  return (row as { n: number }).n;
}

beforeAll(async () => {
  server = await startTestServer();
  plie = await createTenantFixture(server, 'Import sécurité');
  other = await createTenantFixture(server, 'Import ailleurs');
  const marc = await loggedIn(server, plie.users.animation.email);
  const uploaded = await uploadFile(server.app, '/imports', marc.cookie!, 'export.csv', csv(plie.users.referent.email));
  expect(uploaded.statusCode).toBe(201);
  fileId = uploaded.json().id;
});
afterAll(() => server.close());

describe('who may import', () => {
  it.each(['referent', 'partner', 'aci', 'trainer'] as const)('a %s can neither upload, read, check nor run an import', async (who) => {
    const client = await loggedIn(server, plie.users[who].email);
    const upload = await uploadFile(server.app, '/imports', client.cookie!, 'export.csv', csv(plie.users.referent.email));
    expect(upload.statusCode).toBe(403);
    expect((await server.app.inject({ method: 'GET', url: '/imports/sample.csv', headers: { cookie: client.cookie! } })).statusCode).toBe(403);
    for (const query of [
      `{ importFields { field } }`,
      `{ importMappings { source } }`,
      `{ importFiles { fileName rowCount } }`,
      `query($id: ID!) { a: importFile(id: $id) { ...F } } fragment F on ImportFile { headers suggestedColumns { column } }`,
      `query($id: ID!) { importProgress(fileId: $id) { done } }`,
    ]) {
      const response = await client.request(query, { id: fileId });
      expect(codeOf(response), query).toBe('FORBIDDEN');
      expect(Object.values(response.data ?? {}).filter((value) => value !== null)).toEqual([]);
    }
    expect(codeOf(await client.request(CHECK, { input: input(fileId) }))).toBe('FORBIDDEN');
    expect(codeOf(await client.request(`mutation($input: ImportMappingInput!) { x: runImport(input: $input) { id } }`, { input: input(fileId) }))).toBe(
      'FORBIDDEN',
    );
    expect(await participantsNamed('Sécurité')).toBe(0);
  });

  it('a visitor without a session is told to log in', async () => {
    const response = await server.app.inject({ method: 'POST', url: '/imports' });
    expect(response.statusCode).toBe(401);
  });

  it('another PLIE’s animation team finds no file by its id, and imports none of it', async () => {
    const stranger = await loggedIn(server, other.users.animation.email);
    expect(codeOf(await stranger.request(`query($id: ID!) { importFile(id: $id) { headers } }`, { id: fileId }))).toBe('NOT_FOUND');
    expect(codeOf(await stranger.request(CHECK, { input: input(fileId) }))).toBe('NOT_FOUND');
    expect(codeOf(await stranger.request(RUN, { input: input(fileId) }))).toBe('NOT_FOUND');
    expect((await stranger.data(`{ importMappings { source } }`)).importMappings).toEqual([]);
    expect((await stranger.data(`{ importFiles { id } }`)).importFiles).toEqual([]);
    expect(await participantsNamed('Sécurité')).toBe(0);
  });

  it('refuses a referent of another PLIE named in the file, and writes nothing', async () => {
    const marc = await loggedIn(server, plie.users.animation.email);
    const uploaded = await uploadFile(server.app, '/imports', marc.cookie!, 'export.csv', csv(other.users.referent.email));
    const id = uploaded.json().id;
    expect((await marc.data(CHECK, { input: input(id) })).checkImport.problems).toEqual([
      { line: 2, field: 'referentEmail', message: `« ${other.users.referent.email} » n'est pas l'adresse d'un référent de ce PLIE.` },
    ]);
    expect(codeOf(await marc.request(RUN, { input: input(id) }))).toBe('BAD_USER_INPUT');
    expect(await participantsNamed('Sécurité')).toBe(0);
    // The animation team of the file's own PLIE imports it with its own referent.
    expect((await marc.data(RUN, { input: input(fileId) })).runImport.createdParticipants).toBe(1);
    expect(await participantsNamed('Sécurité')).toBe(1);
  });
});
