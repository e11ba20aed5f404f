import http from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTenantFixture, type TenantFixture, loggedIn } from '../testing/fixtures';
import { GraphqlClient, nodesOf } from '../testing/graphql-client';
import { downloadExport } from '../testing/list-export-client';
import { startTestServer, type TestServer } from '../testing/test-server';

/**
 * The portal's lists exported as the page shows them: every row of a list longer than a page,
 * the filters on screen at the top, the same refusals as the list, typed cells.
 */

let server: TestServer;
let tenant: TenantFixture;
let animation: GraphqlClient;
let referent: GraphqlClient;

/** More than one page of the export (100 rows), so the file is written page after page. */
const PEOPLE = 105;

const login = (email: string) => loggedIn(server, email);

beforeAll(async () => {
  server = await startTestServer();
  tenant = await createTenantFixture(server, 'Exports');
  animation = await login(tenant.users.animation.email);
  referent = await login(tenant.users.referent.email);
  for (let i = 0; i < PEOPLE; i++) {
    await referent.data(`mutation($input: CreateParticipantInput!) { createParticipant(input: $input) { id } }`, {
      input: { details: { firstName: `Prénom${String(i).padStart(3, '0')}`, lastName: 'Exportée', birthDate: '1991-03-14' } },
    });
  }
}, 120_000);

afterAll(async () => {
  await server?.close();
});

describe('list exports', () => {
  const filters = [{ label: 'Recherche', value: 'Exportée' }];

  it('writes every row of a long caseload to XLSX, page after page, with the filters on screen and typed cells', async () => {
    const file = await downloadExport(server.app, animation, 'participants.xlsx', { filter: { search: 'Exportée' } }, filters);
    expect(file.status).toBe(200);
    expect(file.headers['content-type']).toContain('spreadsheetml');
    expect(file.headers['content-disposition']).toMatch(/^attachment; filename="dossiers-suivis-\d{4}-\d{2}-\d{2}\.xlsx"$/);
    expect(file.headers['x-export-rows']).toBe(String(PEOPLE));
    expect(file.heading).toEqual(['Dossiers suivis', 'Recherche Exportée']);
    expect(file.labels).toEqual(['Nom', 'Prénom', 'Date de naissance', 'Commune', 'Référent', 'Statut du parcours', 'Date d’entrée', 'Alertes']);
    expect(file.rows).toHaveLength(PEOPLE);
    expect(new Set(file.rows.map((row) => row[1])).size).toBe(PEOPLE);
    const first = file.rows.find((row) => row[1] === 'Prénom000')!;
    expect(first.slice(0, 3)).toEqual(['Exportée', 'Prénom000', new Date('1991-03-14T00:00:00Z')]);
    expect(first[4]).toBe(`referent ${tenant.name.split(' ').at(-1)}`);

    // The same people as the list itself, page by page.
    const listed = await animation.data(`{ participants(filter: { search: "Exportée" }, page: { first: 100 }) { totalCount edges { node { firstName } } } }`);
    expect(listed.participants.totalCount).toBe(PEOPLE);
    expect(file.rows.slice(0, 100).map((row) => row[1])).toEqual(nodesOf(listed.participants).map((p: { firstName: string }) => p.firstName));
  });

  it('writes the same rows to CSV, French style', async () => {
    const file = await downloadExport(server.app, animation, 'participants.csv', { filter: { search: 'Exportée' } }, filters);
    expect(file.status).toBe(200);
    expect(file.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect([...file.bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(file.labels[0]).toBe('Nom');
    expect(file.rows).toHaveLength(PEOPLE);
    expect(file.rows.find((row) => row[1] === 'Prénom104')?.slice(0, 3)).toEqual(['Exportée', 'Prénom104', '14/03/1991']);
  });

  it('exports each list the portal shows, with its columns', async () => {
    const cases: Array<[GraphqlClient, string, Record<string, unknown>, string]> = [
      [animation, 'referrals.xlsx', { filter: { statuses: ['NEW'] } }, 'Statut'],
      [animation, 'meetings.csv', { filter: { period: 'UPCOMING' } }, 'Intitulé'],
      [animation, 'access-log.xlsx', {}, 'Structure partenaire'],
      [await login(tenant.users.aci.email), 'contract-month.xlsx', { period: '2026-11' }, 'Heures travaillées'],
      [await login(tenant.users.partner.email), 'partner-referrals.csv', {}, 'Suite donnée'],
    ];
    for (const [client, file, variables, label] of cases) {
      const exported = await downloadExport(server.app, client, file, variables);
      expect([file, exported.status, exported.error]).toEqual([file, 200, undefined]);
      expect(exported.labels).toContain(label);
    }
  });

  it('stops when the download is cancelled midway, and the server goes on answering', async () => {
    const address = await server.app.listen({ port: 0, host: '127.0.0.1' });
    const query = new URLSearchParams({ variables: JSON.stringify({ filter: { search: 'Exportée' } }), filters: '[]' });
    // One connection of the test's own (node:http), read for one chunk and then dropped by the client.
    const rows = await new Promise<string | undefined>((resolve, reject) => {
      const download = http.get(`${address}/exports/participants.csv?${query}`, { headers: { cookie: animation.cookie! } }, (response) => {
        response.once('data', () => {
          resolve(response.headers['x-export-rows'] as string | undefined);
          download.destroy();
        });
      });
      download.on('error', (error) => (download.destroyed ? undefined : reject(error)));
    });
    expect(rows).toBe(String(PEOPLE));
    // The request's transaction ended (on the embedded database, a stuck one would hold the only connection).
    const next = await downloadExport(server.app, animation, 'participants.csv', { filter: { search: 'Exportée' } });
    expect(next.rows).toHaveLength(PEOPLE);
  });

  it('refuses as the list refuses, in French, before writing anything', async () => {
    const refused = async (client: GraphqlClient, file: string, variables: Record<string, unknown> | string) => {
      const query = new URLSearchParams({ variables: typeof variables === 'string' ? variables : JSON.stringify(variables) });
      const response = await server.app.inject({ method: 'GET', url: `/exports/${file}?${query}`, headers: client.cookie ? { cookie: client.cookie } : {} });
      return { status: response.statusCode, ...(JSON.parse(response.body) as { code: string; error: string }) };
    };
    expect(await refused(animation, 'secrets.xlsx', {})).toMatchObject({ status: 404, code: 'NOT_FOUND' });
    expect(await refused(animation, 'participants.pdf', {})).toMatchObject({ status: 404, code: 'NOT_FOUND' });
    expect(await refused(animation, 'participants.xlsx', '{not json')).toMatchObject({
      status: 400,
      code: 'BAD_USER_INPUT',
      error: expect.stringContaining('filtres'),
    });
    expect(await refused(animation, 'participants.xlsx', { filter: { statuses: ['NOPE'] } })).toMatchObject({ status: 400, code: 'BAD_USER_INPUT' });
    expect(await refused(animation, 'participants.xlsx', { filter: { search: 'x'.repeat(201) } })).toMatchObject({ status: 400, code: 'BAD_USER_INPUT' });
    expect(await refused(new GraphqlClient(server.app), 'participants.xlsx', {})).toMatchObject({ status: 401, code: 'UNAUTHENTICATED' });
    // A referent reads the access log of one file at a time, never the whole PLIE's: the list's own refusal.
    expect(await refused(referent, 'access-log.csv', {})).toMatchObject({
      status: 403,
      code: 'FORBIDDEN',
      error: expect.stringContaining("réservé à l'équipe d'animation"),
    });
  });
});
