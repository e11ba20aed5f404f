import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTenantFixture, type TenantFixture, loggedIn } from '@jalon/api/src/testing/fixtures';
import type { GraphqlClient } from '@jalon/api/src/testing/graphql-client';
import { startTestServer, type TestServer } from '@jalon/api/src/testing/test-server';
import { uploadFile } from '@jalon/api/src/testing/upload';

/**
 * Hostile review: a file imported writes people as the participant form does, so its cells meet the
 * same limits as the form's fields (a name of 100 000 characters, a control character in a name):
 * each such cell is refused with its line and field, and nothing is written. A NUL in the file
 * answered a 500 at the upload: the file is now refused as unreadable.
 */
let server: TestServer;
let plie: TenantFixture;
let marc: GraphqlClient;

const COLUMNS = [
  ['externalId', 'N° dossier'],
  ['lastName', 'Nom'],
  ['firstName', 'Prénom'],
  ['birthDate', 'Date de naissance'],
  ['referentEmail', 'Référent'],
  ['referralDate', "Date d'orientation"],
].map(([field, column]) => ({ field, column }));
const CHECK = `mutation($input: ImportMappingInput!) { checkImport(input: $input) { problems { line field message } } }`;
const RUN = `mutation($input: ImportMappingInput!) { runImport(input: $input) { id createdParticipants } }`;

async function uploaded(lines: string[]): Promise<string> {
  const body = [`N° dossier;Nom;Prénom;Date de naissance;Référent;Date d'orientation`, ...lines].join('\r\n') + '\r\n';
  const response = await uploadFile(server.app, '/imports', marc.cookie!, 'export.csv', body);
  expect(response.statusCode).toBe(201);
  return response.json().id;
}

beforeAll(async () => {
  server = await startTestServer();
  plie = await createTenantFixture(server, 'Import absurde');
  marc = await loggedIn(server, plie.users.animation.email);
});
afterAll(() => server?.close());

describe('absurd cells in an imported file', () => {
  it('are refused each with its line and field, and nothing is written', async () => {
    const referent = plie.users.referent.email;
    const id = await uploaded([
      `A-1;${'X'.repeat(100_000)};Anne;12/05/1984;${referent};03/03/2026`,
      `A-2;Martin;Be\u001b[2Ja;12/05/1984;${referent};03/03/2026`,
      `${'9'.repeat(5_000)};Ok;Chloé;12/05/1984;${referent};03/03/2026`,
    ]);
    const input = { fileId: id, source: 'Ancien outil', columns: COLUMNS };
    const check = await marc.request(CHECK, { input });
    expect(check.errors).toBeUndefined();
    const refused = (check.data!.checkImport.problems as Array<{ line: number; field: string }>).map((p) => `${p.line}:${p.field}`);
    expect(refused).toEqual(['2:lastName', '3:firstName', '4:externalId']);
    const run = await marc.request(RUN, { input });
    expect(run.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    const [row] = await server.asOwner((em) =>
      em.execute<Array<{ n: number }>>(`select count(*)::int as n from participant where tenant_id = ?`, [plie.tenantId]),
    );
    expect(row!.n).toBe(0);
  });

  it('refuses a file holding a NUL as unreadable, never a 500', async () => {
    const body = `N° dossier;Nom;Prénom;Date de naissance;Référent;Date d'orientation\r\nA-1;Nul\u0000le;Anne;12/05/1984;${plie.users.referent.email};03/03/2026\r\n`;
    const response = await uploadFile(server.app, '/imports', marc.cookie!, 'export.csv', body);
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({ code: 'BAD_USER_INPUT', field: 'file' });
  });
});
