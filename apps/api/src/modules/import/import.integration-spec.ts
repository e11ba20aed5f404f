import { readFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, addMonths } from '@jalon/domain';
import { dayInFrance } from '../../graphql/date-input';
import { createTenantFixture, loggedIn, type TenantFixture } from '../../testing/fixtures';
import type { GraphqlClient } from '../../testing/graphql-client';
import { startTestServer, type TestServer } from '../../testing/test-server';
import { uploadFile } from '../../testing/upload';

let server: TestServer;
let plie: TenantFixture;
let other: TenantFixture;
let marc: GraphqlClient;

const HEADERS = [
  'N° dossier',
  'Nom',
  'Prénom',
  'Date de naissance',
  'Sexe',
  'Code postal',
  'Commune',
  'Référent',
  "Date d'orientation",
  "Date d'entrée",
  'Date de sortie',
  'Motif de sortie',
  "Type d'étape",
  'Début étape',
  'Fin étape',
];

/** Four people, eight lines: Ana (three stages), Bruno (exited, two stages), Chloé (no stage yet), Dan (two pathways, one stage). */
function lines(referent: string): string[][] {
  return [
    [
      'T-1',
      'Alves',
      'Ana',
      '14/03/1979',
      'F',
      '38100',
      'Grenoble',
      referent,
      '02/09/2025',
      '15/09/2025',
      '',
      '',
      'Évaluation / orientation',
      '15/09/2025',
      '30/10/2025',
    ],
    [
      'T-1',
      'Alves',
      'Ana',
      '14/03/1979',
      'F',
      '38100',
      'Grenoble',
      referent,
      '02/09/2025',
      '15/09/2025',
      '',
      '',
      'TRAINING_QUALIFYING',
      '05/01/2026',
      '30/06/2026',
    ],
    ['T-1', 'Alves', 'Ana', '14/03/1979', 'F', '38100', 'Grenoble', referent, '02/09/2025', '15/09/2025', '', '', 'Recherche d’emploi', '01/07/2026', ''],
    [
      'T-2',
      'Bouvier',
      'Bruno',
      '1990-11-02',
      'H',
      '',
      '38151',
      referent,
      '10/02/2025',
      '03/03/2025',
      '20/10/2025',
      'CDI',
      'Savoirs de base',
      '03/03/2025',
      '30/05/2025',
    ],
    [
      'T-2',
      'Bouvier',
      'Bruno',
      '1990-11-02',
      'H',
      '',
      '38151',
      referent,
      '10/02/2025',
      '03/03/2025',
      '20/10/2025',
      'CDI',
      'IAE_CDDI_ACI',
      '01/06/2025',
      '19/10/2025',
    ],
    ['T-3', 'Carré', 'Chloé', '27/06/1996', 'F', '38400', "Saint-Martin-d'Hères", referent, '05/05/2026', '', '', '', '', '', ''],
    [
      'T-4',
      'Diallo',
      'Dan',
      '09/01/1968',
      'H',
      '',
      '',
      referent,
      '14/01/2023',
      '01/02/2023',
      '30/06/2023',
      'Abandon',
      'Savoirs de base',
      '01/02/2023',
      '30/05/2023',
    ],
    ['T-4', 'Diallo', 'Dan', '09/01/1968', 'H', '', '', referent, '14/10/2026', '', '', '', '', '', ''],
  ];
}

const csvOf = (rows: string[][]) => [HEADERS, ...rows].map((row) => row.join(';')).join('\r\n') + '\r\n';
const mapping = (fileId: string, source = 'Ancien logiciel') => ({
  fileId,
  source,
  columns: [
    ['externalId', 'N° dossier'],
    ['lastName', 'Nom'],
    ['firstName', 'Prénom'],
    ['birthDate', 'Date de naissance'],
    ['gender', 'Sexe'],
    ['postcode', 'Code postal'],
    ['commune', 'Commune'],
    ['referentEmail', 'Référent'],
    ['referralDate', "Date d'orientation"],
    ['entryDate', "Date d'entrée"],
    ['exitDate', 'Date de sortie'],
    ['exitKind', 'Motif de sortie'],
    ['stageKind', "Type d'étape"],
    ['stageStart', 'Début étape'],
    ['stageEnd', 'Fin étape'],
  ].map(([field, column]) => ({ field, column })),
});

const CHECK = `mutation($input: ImportMappingInput!) { checkImport(input: $input) {
  lineCount newParticipants newPathways newStages unchangedLines problems { line field column message } } }`;
const RUN = `mutation($input: ImportMappingInput!) { runImport(input: $input) { id importedAt createdParticipants createdPathways createdStages } }`;
const FILE = `query($id: ID!) { importFile(id: $id) { id fileName rowCount headers suggestedSource suggestedColumns { field column } } }`;

async function upload(content: string | Buffer, name = 'export.csv', cookie = marc.cookie!): Promise<string> {
  const response = await uploadFile(server.app, '/imports', cookie, name, content);
  expect(response.statusCode, response.body).toBe(201);
  return response.json().id;
}

/** What the tenant holds, counted in SQL as the table owner (row-level security aside). */
async function counts(tenantId = plie.tenantId) {
  return server.asOwner(async (em) => {
    const [row] = await em.execute(
      `select (select count(*)::int from participant where tenant_id = ?) as participants,
              (select count(*)::int from pathway where tenant_id = ?) as pathways,
              (select count(*)::int from esf_record where tenant_id = ?) as records,
              (select count(*)::int from stage where tenant_id = ?) as stages,
              (select count(*)::int from participant_change where tenant_id = ?) as changes`,
      [tenantId, tenantId, tenantId, tenantId, tenantId],
    );
    return row as { participants: number; pathways: number; records: number; stages: number; changes: number };
  });
}

beforeAll(async () => {
  server = await startTestServer();
  plie = await createTenantFixture(server, 'Import');
  other = await createTenantFixture(server, 'Import voisin');
  marc = await loggedIn(server, plie.users.animation.email);
});

afterAll(() => server?.close());

describe('import from another tool', () => {
  const referent = () => plie.users.referent.email;

  it('proposes a mapping guessed from the French headers', async () => {
    const id = await upload(csvOf(lines(referent())));
    const { importFile } = await marc.data(FILE, { id });
    expect(importFile).toMatchObject({ fileName: 'export.csv', rowCount: 8, suggestedSource: null });
    expect(Object.fromEntries(importFile.suggestedColumns.map((c: { field: string; column: string }) => [c.field, c.column]))).toEqual(
      Object.fromEntries(mapping(id).columns.map((c) => [c.field, c.column])),
    );
  });

  it('reports the three bad lines, by line, field and column, in French, and imports nothing', async () => {
    const bad = lines(referent());
    bad[1]![3] = '31/02/1979'; // not a day (and then Ana's lines disagree: only the date is reported)
    bad[3]![12] = 'Plongée sous-marine';
    bad[5]![7] = other.users.referent.email; // another PLIE's referent
    bad[5]![9] = '01/01/2026'; // and an entry before the referral, on the same line
    const id = await upload(csvOf(bad));
    const before = await counts();
    const { checkImport } = await marc.data(CHECK, { input: mapping(id) });
    expect(checkImport.problems).toEqual([
      { line: 3, field: 'birthDate', column: 'Date de naissance', message: 'Date illisible « 31/02/1979 » : écrivez-la JJ/MM/AAAA.' },
      {
        line: 5,
        field: 'stageKind',
        column: "Type d'étape",
        message: "Type d'étape inconnu « Plongée sous-marine » : utilisez un type du catalogue du PLIE (code ou libellé).",
      },
      { line: 7, field: 'referentEmail', column: 'Référent', message: `« ${other.users.referent.email} » n'est pas l'adresse d'un référent de ce PLIE.` },
      { line: 7, field: 'entryDate', column: "Date d'entrée", message: "La date d'entrée précède la date d'orientation." },
    ]);
    const refused = await marc.request(RUN, { input: mapping(id) });
    expect(refused.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT' });
    expect(refused.errors?.[0]?.message).toBe("3 ligne(s) refusée(s) : rien n'a été importé. Corrigez le fichier et recommencez.");
    expect((refused.errors?.[0]?.extensions?.fields as Array<{ field: string; message: string }>).map((f) => f.field)).toEqual([
      'line3.birthDate',
      'line5.stageKind',
      'line7.referentEmail',
      'line7.entryDate',
    ]);
    expect((refused.errors?.[0]?.extensions?.fields as Array<{ message: string }>)[0]!.message).toBe(
      'Ligne 3, colonne « Date de naissance » : Date illisible « 31/02/1979 » : écrivez-la JJ/MM/AAAA.',
    );
    expect(await counts()).toEqual(before);
  });

  it('imports the fixed file whole, each file with its history; the same file again creates nothing', async () => {
    const before = await counts();
    const id = await upload(csvOf(lines(referent())));
    const { checkImport } = await marc.data(CHECK, { input: mapping(id) });
    expect(checkImport).toMatchObject({ lineCount: 8, newParticipants: 4, newPathways: 5, newStages: 6, unchangedLines: 0, problems: [] });
    const { runImport } = await marc.data(RUN, { input: mapping(id) });
    expect(runImport).toMatchObject({ createdParticipants: 4, createdPathways: 5, createdStages: 6 });
    // The file's lines are not kept once imported: they live on in the files they created.
    const [kept] = await server.asOwner((em) =>
      em.execute(`select jsonb_array_length(rows) as rows, row_count from import_file where source = 'Ancien logiciel'`),
    );
    expect(kept).toEqual({ rows: 0, row_count: 8 });
    // 4 created + 5 pathways opened + 6 stages added in the files' history.
    expect(await counts()).toEqual({
      participants: before.participants + 4,
      pathways: before.pathways + 5,
      records: before.records + 5,
      stages: before.stages + 6,
      changes: before.changes + 15,
    });
    const statuses = await server.asOwner((em) =>
      em.execute(
        `select p.last_name, p.current_status, p.commune_code, count(pw.id)::int as pathways
           from participant p join pathway pw on pw.participant_id = p.id where p.tenant_id = ? group by p.id order by p.last_name`,
        [plie.tenantId],
      ),
    );
    expect(statuses).toEqual([
      { last_name: 'Alves', current_status: 'ACTIVE', commune_code: '38185', pathways: 1 },
      { last_name: 'Bouvier', current_status: 'CLOSED', commune_code: '38151', pathways: 1 },
      { last_name: 'Carré', current_status: 'PENDING_ACCREDITATION', commune_code: '38421', pathways: 1 },
      { last_name: 'Diallo', current_status: 'PENDING_ACCREDITATION', commune_code: null, pathways: 2 },
    ]);

    const after = await counts();
    const again = await upload(csvOf(lines(referent())));
    const { checkImport: recheck } = await marc.data(CHECK, { input: mapping(again) });
    expect(recheck).toMatchObject({ newParticipants: 0, newPathways: 0, newStages: 0, unchangedLines: 8, problems: [] });
    const { runImport: rerun } = await marc.data(RUN, { input: mapping(again) });
    expect(rerun).toMatchObject({ createdParticipants: 0, createdPathways: 0, createdStages: 0 });
    expect(await counts()).toEqual(after);
    // The mapping was saved under its source, and is proposed for the next file of the same tool.
    const { importFile } = await marc.data(FILE, { id: await upload(csvOf(lines(referent()).slice(0, 1))) });
    expect(importFile.suggestedSource).toBe('Ancien logiciel');
    // The files sent, latest first: those imported with what they created.
    const { importFiles } = await marc.data(`{ importFiles(first: 3) { fileName rowCount importedAt createdParticipants } }`);
    expect(importFiles.map((f: { rowCount: number; createdParticipants: number | null }) => [f.rowCount, f.createdParticipants])).toEqual([
      [1, null],
      [8, 0],
      [8, 4],
    ]);
  });

  it('two imports of the same lines at once create them once, without an error', async () => {
    const rows = [['C-1', 'Concurrent', 'Cléo', '03/04/1991', 'F', '', '', referent(), '02/02/2026', '', '', '', 'JOB_SEARCH', '02/02/2026', '']];
    const [first, second] = [await upload(csvOf(rows)), await upload(csvOf(rows))];
    const both = await Promise.all([marc.request(RUN, { input: mapping(first, 'Parallèle') }), marc.request(RUN, { input: mapping(second, 'Parallèle') })]);
    expect(both.map((r) => r.errors)).toEqual([undefined, undefined]);
    expect(both.map((r) => r.data!.runImport.createdParticipants).sort()).toEqual([0, 1]);
    const [row] = await server.asOwner((em) => em.execute(`select count(*)::int as n from participant where last_name = 'Concurrent'`));
    expect(row).toEqual({ n: 1 });
  });

  it('opens the in-job follow-up of a recent exit into a job, its check-ins due as by hand', async () => {
    const today = dayInFrance(new Date());
    const exit = addDays(today, -30);
    const rows = [['F-1', 'Suivie', 'Fanny', '1990-05-05', 'F', '', '', referent(), addDays(today, -300), addDays(today, -290), exit, 'CDI', '', '', '']];
    const id = await upload(csvOf(rows));
    await marc.data(RUN, { input: mapping(id, 'Suivi') });
    const found = await server.asOwner((em) =>
      em.execute(
        `select p.current_status, to_char(c.due_on, 'YYYY-MM-DD') as due_on from participant p join pathway pw on pw.participant_id = p.id
           join follow_up_check_in c on c.pathway_id = pw.id where p.last_name = 'Suivie' order by c.due_on`,
      ),
    );
    expect(found).toEqual([1, 3, 6].map((months) => ({ current_status: 'IN_JOB_FOLLOW_UP', due_on: addMonths(exit, months) })));
  });

  it('refuses a person who already has a file under another source', async () => {
    const id = await upload(csvOf(lines(referent()).slice(0, 1)));
    const { checkImport } = await marc.data(CHECK, { input: mapping(id, 'Un autre logiciel') });
    expect(checkImport.problems).toEqual([
      {
        line: 2,
        field: 'lastName',
        column: 'Nom',
        message: 'Une personne du même nom, née le même jour, a déjà un dossier dans Jalon (non issu de cette source).',
      },
    ]);
  });

  it('reads an XLSX workbook as a CSV, real dates included', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Export');
    sheet.addRow(HEADERS);
    sheet.addRow([
      'X-1',
      'Perrin',
      'Eva',
      new Date(Date.UTC(1985, 4, 17)),
      'F',
      '',
      '38185',
      referent(),
      new Date(Date.UTC(2026, 0, 5)),
      '',
      '',
      '',
      'JOB_SEARCH',
      new Date(Date.UTC(2026, 0, 12)),
      '',
    ]);
    const id = await upload(Buffer.from(await workbook.xlsx.writeBuffer()), 'export.xlsx');
    const before = await counts();
    const { runImport } = await marc.data(RUN, { input: mapping(id, 'Tableur') });
    expect(runImport).toMatchObject({ createdParticipants: 1, createdPathways: 1, createdStages: 1 });
    expect((await counts()).stages).toBe(before.stages + 1);
    const [eva] = await server.asOwner((em) =>
      em.execute(`select to_char(birth_date, 'YYYY-MM-DD') as birth_date from participant where last_name = 'Perrin' and tenant_id = ?`, [plie.tenantId]),
    );
    expect(eva).toEqual({ birth_date: '1985-05-17' });
  });

  it('imports the sample file shipped for the demo, mapped from its own headers', async () => {
    const sample = readFileSync(new URL('./sample/export-logiciel-precedent.csv', import.meta.url), 'utf8').replaceAll(/\w+@grenoble\.demo/g, referent());
    const download = await server.app.inject({ method: 'GET', url: '/imports/sample.csv', headers: { cookie: marc.cookie! } });
    expect(download.statusCode).toBe(200);
    expect(download.body.split('\n')[0]).toBe(sample.split('\n')[0]);
    const id = await upload(sample, 'export-logiciel-precedent.csv');
    const { importFile } = await marc.data(FILE, { id });
    const { checkImport } = await marc.data(CHECK, { input: { fileId: id, source: 'Démo', columns: importFile.suggestedColumns } });
    expect(checkImport).toMatchObject({ lineCount: 10, newParticipants: 5, newPathways: 5, newStages: 9, problems: [] });
  });

  it('refuses an unreadable file, and answers nothing of another PLIE’s file', async () => {
    const response = await uploadFile(server.app, '/imports', marc.cookie!, 'photo.csv', Buffer.from([0x50, 0x4b, 0x03, 0x04, 1, 2, 3]));
    expect(response.statusCode).toBe(400);
    expect(response.json().error).toBe('Fichier illisible : envoyez un CSV (séparateur ; ou ,) ou un classeur XLSX.');
    const neighbour = await loggedIn(server, other.users.animation.email);
    const id = await upload(csvOf(lines(referent())));
    const read = await neighbour.request(FILE, { id });
    expect(read.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    const run = await neighbour.request(RUN, { input: mapping(id) });
    expect(run.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
  });
});
