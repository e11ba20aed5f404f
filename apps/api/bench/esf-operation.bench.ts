import 'reflect-metadata';
import { MikroORM, type Options } from '@mikro-orm/postgresql';
import { loadConfig } from '../src/config';
import { openDatabase } from '../src/db/database';
import { baseOrmOptions } from '../src/db/orm-options';
import { toGlobalId } from '../src/graphql/relay';
import { hashPassword } from '../src/modules/auth/password-hash';
import { buildServer } from '../src/server';
import { benchDatabase, median } from './bench-dataset';

/**
 * `pnpm bench`, ESF+ part (issue 14): one operation of 10,000 participants (a third of them left,
 * with their exit questionnaire), in a PLIE among others. Times, as the animation team asks them
 * over HTTP: the operation's indicators (target < 1 s), the validation of its file, writing and
 * recording the complete file and downloading it (target < 5 s), and importing an error file of
 * 500 rejected lines. Medians of three; never asserted in tests.
 */
const PARTICIPANTS = Number(process.env.BENCH_ESF_PARTICIPANTS ?? 10_000);
const REJECTED = Math.min(500, PARTICIPANTS);
const RUNS = 3;
const PASSWORD = 'bench-password-2026';
const EMAIL = 'animation@esf.bench.jalon';
const quiet = { info: () => undefined };

/** The dataset, in SQL: a PLIE, its animation team member, one operation and its participants with their ESF+ records. */
async function loadDataset(ownerUrl: string): Promise<{ operationId: string }> {
  const owner = await MikroORM.init({ ...baseOrmOptions, clientUrl: ownerUrl, pool: { min: 0, max: 1 } } as Options);
  const em = owner.em.fork();
  const hash = await hashPassword(PASSWORD);
  const started = Date.now();
  const operationId = await em.transactional(async (tx) => {
    const run = (sql: string, params: unknown[] = []) => tx.execute(sql, params);
    const [ids] = await run(
      `select gen_random_uuid() as tenant, gen_random_uuid() as organisation, gen_random_uuid() as "user", gen_random_uuid() as membership, gen_random_uuid() as operation`,
    );
    const { tenant, organisation, user, membership, operation } = ids as Record<'tenant' | 'organisation' | 'user' | 'membership' | 'operation', string>;
    await run(`insert into tenant (id, created_at, slug, name) values (?, now(), 'esf-bench', 'PLIE banc FSE+')`, [tenant]);
    await run(`insert into organisation (id, created_at, tenant_id, name, kind) values (?, now(), ?, 'Équipe d''animation', 'ANIMATION_TEAM')`, [
      organisation,
      tenant,
    ]);
    await run(`insert into app_user (id, created_at, email, display_name) values (?, now(), ?, 'Animation')`, [user, EMAIL]);
    await run(`insert into user_credential (user_id, password_hash) values (?, ?)`, [user, hash]);
    await run(`insert into membership (id, created_at, tenant_id, user_id, organisation_id, role) values (?, now(), ?, ?, ?, 'ANIMATION_TEAM')`, [
      membership,
      tenant,
      user,
      organisation,
    ]);
    await run(
      `insert into esf_operation (id, created_at, tenant_id, file_number, title, starts_on, ends_on, beneficiary) values (?, now(), ?, '202699999', 'Banc', '2024-01-01', '2026-12-31', 'PLIE')`,
      [operation, tenant],
    );
    await run(
      `create temp table b_person as select gen_random_uuid() as id, gen_random_uuid() as pathway_id, i, (i % 3 = 0) as exited from generate_series(0, ? - 1) i`,
      [PARTICIPANTS],
    );
    await run(
      `insert into participant (id, created_at, tenant_id, first_name, last_name, search_key, birth_date, gender, referent_id, current_status, updated_at)
       select id, now(), ?, 'Prénom' || i, 'Nom' || lpad(i::text, 5, '0'), 'nom' || i, date '1970-01-01' + (i * 7) % 12000,
              (array['WOMAN','MAN','NON_BINARY'])[1 + i % 3]::gender, ?, case when exited then 'EXITED' else 'ACTIVE' end::pathway_status, now()
         from b_person`,
      [tenant, membership],
    );
    await run(
      `insert into pathway (id, created_at, tenant_id, participant_id, number, status, referral_date, entry_date, exit_date, exit_kind)
       select pathway_id, now(), ?, id, 1, case when exited then 'EXITED' else 'ACTIVE' end::pathway_status, date '2024-01-02' + i % 700, date '2024-01-10' + i % 700,
              case when exited then date '2024-06-10' + i % 700 end, case when exited then 'JOB_PERMANENT'::exit_kind end
         from b_person`,
      [tenant],
    );
    // Answers drawn from i: every item of the layout, a few refused, some missing (lines the validation names).
    const answer = (k: number) => `(array['YES','NO','NO','REFUSED'])[1 + (i / ${k}) % 4]::esf_answer`;
    await run(
      `insert into esf_record (id, created_at, tenant_id, pathway_id, operation_id, employment_situation, education_level, disability, third_country_national,
              foreign_background, minority, homeless, rural_area, exit_job_searching, exit_in_training, exit_qualification, exit_employed, exit_answered_on, updated_at)
       select gen_random_uuid(), now(), ?, pathway_id, ?, (array['UNEMPLOYED','LONG_TERM_UNEMPLOYED','INACTIVE','EMPLOYED'])[1 + i % 4]::employment_situation,
              case when i % 50 = 0 then null else i % 9 end, ${answer(1)}, ${answer(2)}, ${answer(3)}, ${answer(5)}, ${answer(7)}, ${answer(11)},
              case when exited then ${answer(13)} end, case when exited then ${answer(17)} end, case when exited then ${answer(19)} end,
              case when exited then ${answer(23)} end, case when exited then date '2024-06-20' + i % 700 end, now()
         from b_person`,
      [tenant, operation],
    );
    return operation;
  });
  await em.execute('analyze');
  console.log(`dataset: one operation of ${PARTICIPANTS} participants loaded in ${Math.round((Date.now() - started) / 1000)} s`);
  await owner.close();
  return { operationId: toGlobalId('EsfOperation', operationId) };
}

async function timed<T>(work: () => Promise<T>): Promise<{ ms: number; value: T }> {
  const started = performance.now();
  const value = await work();
  return { ms: performance.now() - started, value };
}

async function main(): Promise<void> {
  const { appUrl, ownerUrl } = await benchDatabase();
  const config = loadConfig({
    NODE_ENV: 'production',
    LOG_LEVEL: 'warn',
    HOST: '127.0.0.1',
    PORT: '0',
    DATABASE_URL: appUrl,
    DATABASE_MIGRATION_URL: ownerUrl,
    LOGIN_MAX_FAILURES_PER_IP: '1000',
  });
  const database = await openDatabase(config, quiet);
  const { operationId } = await loadDataset(ownerUrl);
  const app = await buildServer(config, database);
  const login = await app.inject({
    method: 'POST',
    url: '/graphql',
    payload: { query: `mutation($input: LoginInput!) { login(input: $input) { user { email } } }`, variables: { input: { email: EMAIL, password: PASSWORD } } },
  });
  const session = login.cookies.find((c) => c.name === 'jalon_session');
  if (!session) throw new Error(`login failed: ${login.body}`);
  const cookie = `jalon_session=${session.value}`;
  // The answers' shapes are the queries' below, checked by the schema; the bench reads a few fields of them.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  type Answer = Record<string, any>;
  const graphql = async (query: string, variables: Record<string, unknown>) => {
    const response = await app.inject({ method: 'POST', url: '/graphql', headers: { cookie }, payload: { query, variables } });
    const body = response.json() as { data?: Answer; errors?: unknown };
    if (body.errors) throw new Error(JSON.stringify(body.errors));
    return body.data!;
  };

  const times: Record<string, number[]> = {
    indicators: [],
    validation: [],
    'write the complete file': [],
    download: [],
    [`import ${REJECTED} rejections`]: [],
  };
  let lines = 0;
  let bytes = 0;
  let rejected = 0;
  for (let run = 0; run < RUNS; run++) {
    const indicators = await timed(() =>
      graphql(
        `
          query ($id: ID!) {
            esfIndicators(operationId: $id) {
              outputs {
                code
                total
              }
              results {
                code
                total
              }
            }
          }
        `,
        { id: operationId },
      ),
    );
    times.indicators!.push(indicators.ms);
    const check = await timed(() =>
      graphql(
        `
          query ($id: ID!) {
            esfExportCheck(operationId: $id) {
              lines
              rejectedLines
            }
          }
        `,
        { id: operationId },
      ),
    );
    times.validation!.push(check.ms);
    rejected = check.value.esfExportCheck.rejectedLines;
    const created = await timed(() =>
      graphql(
        `
          mutation ($input: CreateEsfExportInput!) {
            createEsfExport(input: $input) {
              id
              lineCount
              downloadPath
            }
          }
        `,
        { input: { operationId, complete: true } },
      ),
    );
    times['write the complete file']!.push(created.ms);
    const { id, lineCount, downloadPath } = created.value.createEsfExport;
    lines = lineCount;
    const file = await timed(() => app.inject({ method: 'GET', url: downloadPath, headers: { cookie } }));
    times.download!.push(file.ms);
    bytes = file.value.rawPayload.length;
    const references = file.value.body
      .split('\r\n')
      .slice(1, REJECTED + 1)
      .map((line) => line.split(';')[1]);
    const errorFile = `ID_PARTICIPANT;MOTIF_REJET\r\n${references.map((reference) => `${reference};Rejet de banc`).join('\r\n')}\r\n`;
    const boundary = 'benchboundary';
    const payload = `--${boundary}\r\ncontent-disposition: form-data; name="file"; filename="erreurs.csv"\r\ncontent-type: text/csv\r\n\r\n${errorFile}\r\n--${boundary}--\r\n`;
    const imported = await timed(() =>
      app.inject({
        method: 'POST',
        url: `/esf/exports/${id}/error-file`,
        headers: { cookie, 'content-type': `multipart/form-data; boundary=${boundary}` },
        payload,
      }),
    );
    if (imported.value.statusCode !== 201) throw new Error(imported.value.body);
    times[`import ${REJECTED} rejections`]!.push(imported.ms);
  }
  console.log(
    `ESF+ operation of ${PARTICIPANTS} participants: a file of ${lines} lines (${Math.round(bytes / 1024)} KB), ${rejected} lines the validation names`,
  );
  console.table(Object.entries(times).map(([step, ms]) => ({ step, 'median ms': Math.round(median(ms)), runs: ms.map(Math.round).join(' / ') })));
  await app.close();
  await database.close();
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
