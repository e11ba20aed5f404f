import 'reflect-metadata';
import { MikroORM, type Options } from '@mikro-orm/postgresql';
import { STAGE_KIND_TAXONOMY } from '@jalon/domain';
import { loadConfig } from '../src/config';
import { openDatabase } from '../src/db/database';
import { baseOrmOptions } from '../src/db/orm-options';
import { hashPassword } from '../src/modules/auth/password-hash';
import { buildServer } from '../src/server';
import { GraphqlClient } from '../src/testing/graphql-client';
import { uploadFile } from '../src/testing/upload';
import { BENCH_PASSWORD, benchDatabase, CASELOAD, loadDataset } from './bench-dataset';

/**
 * `pnpm bench`, import part (issue 18 §3): a 10,000-line export (2,500 people, one pathway each,
 * four stages each, a person's columns repeated on each of her lines) imported by the animation
 * team of a PLIE of the bench dataset, through the API as the portal does it: upload, dry run,
 * import, then the same file again (which must create nothing). Target: the import under a minute.
 */
const SIZES = {
  tenants: Number(process.env.BENCH_TENANTS ?? 150),
  participants: Number(process.env.BENCH_PARTICIPANTS ?? 700),
  stages: Number(process.env.BENCH_STAGES ?? 10),
};
const LINES = Number(process.env.BENCH_IMPORT_LINES ?? 10_000);
const STAGES_PER_PERSON = 4;
const ANIMATION_EMAIL = 'animation-1@bench.jalon';
const HEADERS = "N° dossier;Nom;Prénom;Date de naissance;Sexe;Code postal;Commune;Référent;Date d'orientation;Date d'entrée;Type d'étape;Début étape;Fin étape";

/** The export, generated: every line valid, people new to the PLIE (names the dataset has not). */
function exportFile(): string {
  const kinds = STAGE_KIND_TAXONOMY.slice(0, SIZES.stages).map((k) => k.code);
  const referents = SIZES.participants / CASELOAD;
  const lines = [HEADERS];
  for (let i = 0; i < LINES; i++) {
    const person = Math.floor(i / STAGES_PER_PERSON);
    const stage = i % STAGES_PER_PERSON;
    const birth = new Date(Date.UTC(1970, 0, 1) + person * 86_400_000 * 3).toISOString().slice(0, 10);
    const day = (offset: number) => new Date(Date.UTC(2025, 0, 6) + offset * 86_400_000).toISOString().slice(0, 10);
    lines.push(
      [
        `IMP-${person}`,
        `Importé${person}`,
        `Personne`,
        birth.split('-').reverse().join('/'),
        person % 2 ? 'F' : 'H',
        '38000',
        'Grenoble',
        `referent${person % referents}-1@bench.jalon`,
        day(0),
        day(14),
        kinds[(person + stage) % kinds.length],
        day(14 + stage * 30),
        day(14 + stage * 30 + 25),
      ].join(';'),
    );
  }
  return lines.join('\r\n') + '\r\n';
}

/** An animation team member in the first bench PLIE, the one who imports. */
async function addAnimationTeam(ownerUrl: string): Promise<void> {
  const owner = await MikroORM.init({ ...baseOrmOptions, clientUrl: ownerUrl, pool: { min: 0, max: 1 } } as Options);
  const em = owner.em.fork();
  const [exists] = await em.execute<Array<{ n: number }>>(`select count(*)::int as n from app_user where email = ?`, [ANIMATION_EMAIL]);
  if (!exists?.n) {
    await em.execute(`insert into app_user (id, created_at, email, display_name) values (gen_random_uuid(), now(), ?, 'Équipe d''animation')`, [
      ANIMATION_EMAIL,
    ]);
    await em.execute(`insert into user_credential (user_id, password_hash) select id, ? from app_user where email = ?`, [
      await hashPassword(BENCH_PASSWORD),
      ANIMATION_EMAIL,
    ]);
    await em.execute(
      `insert into membership (id, created_at, tenant_id, user_id, organisation_id, role)
       select gen_random_uuid(), now(), t.id, u.id, o.id, 'ANIMATION_TEAM' from tenant t join organisation o on o.tenant_id = t.id and o.kind = 'REFERENT_OPERATOR', app_user u
        where t.slug = 'bench-1' and u.email = ?`,
      [ANIMATION_EMAIL],
    );
  }
  // A new run imports the file anew: the previous run's people go (their keys and history with them).
  await em.execute(`delete from participant where last_name like 'Importé%'`);
  await owner.close();
}

async function main(): Promise<void> {
  const { appUrl, ownerUrl } = await benchDatabase();
  await loadDataset(ownerUrl, SIZES);
  await addAnimationTeam(ownerUrl);
  const config = loadConfig({
    NODE_ENV: 'production',
    LOG_LEVEL: 'warn',
    DATABASE_URL: appUrl,
    DATABASE_MIGRATION_URL: ownerUrl,
    LOGIN_MAX_FAILURES_PER_IP: '1000',
  });
  const database = await openDatabase(config, { info: () => undefined });
  const app = await buildServer(config, database);
  await app.ready();
  const client = new GraphqlClient(app);
  await client.login(ANIMATION_EMAIL, BENCH_PASSWORD);
  const content = exportFile();
  const rows: Array<Record<string, string | number>> = [];
  const timed = async <T>(step: string, work: () => Promise<T>, describe: (result: T) => string): Promise<T> => {
    const t0 = performance.now();
    const result = await work();
    rows.push({ step, ms: Math.round(performance.now() - t0), result: describe(result) });
    return result;
  };
  const upload = async () => {
    const response = await uploadFile(app, '/imports', client.cookie!, 'export.csv', content);
    if (response.statusCode !== 201) throw new Error(response.body);
    return response.json() as { id: string; rowCount: number };
  };
  const input = (fileId: string) => ({
    fileId,
    source: 'Banc',
    columns: HEADERS.split(';').map((column, i) => ({
      field: [
        'externalId',
        'lastName',
        'firstName',
        'birthDate',
        'gender',
        'postcode',
        'commune',
        'referentEmail',
        'referralDate',
        'entryDate',
        'stageKind',
        'stageStart',
        'stageEnd',
      ][i]!,
      column,
    })),
  });
  const CHECK = `mutation($input: ImportMappingInput!) { checkImport(input: $input) { lineCount newParticipants newPathways newStages problems { line message } } }`;
  const RUN = `mutation($input: ImportMappingInput!) { runImport(input: $input) { createdParticipants createdPathways createdStages } }`;

  const file = await timed(`upload ${Math.round(content.length / 1024)} KB (read, keep)`, upload, (r) => `${r.rowCount} lines`);
  await timed(
    'dry run',
    () => client.data(CHECK, { input: input(file.id) }),
    (r) => {
      const c = r.checkImport;
      if (c.problems.length) throw new Error(JSON.stringify(c.problems.slice(0, 3)));
      return `${c.newParticipants} people, ${c.newPathways} pathways, ${c.newStages} stages to create`;
    },
  );
  await timed(
    'import (dry run again + write)',
    () => client.data(RUN, { input: input(file.id) }),
    (r) => JSON.stringify(r.runImport),
  );
  const again = await upload();
  await timed(
    'the same file again',
    () => client.data(RUN, { input: input(again.id) }),
    (r) => JSON.stringify(r.runImport),
  );
  console.table(rows);
  await app.close();
  await database.close();
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
