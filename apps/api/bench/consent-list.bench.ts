import 'reflect-metadata';
import autocannon from 'autocannon';
import { AbstractSqlConnection, MikroORM, type Options } from '@mikro-orm/postgresql';
import { STAGE_KIND_TAXONOMY } from '@jalon/domain';
import { loadConfig } from '../src/config';
import { openDatabase } from '../src/db/database';
import { baseOrmOptions } from '../src/db/orm-options';
import { hashPassword } from '../src/modules/auth/password-hash';
import { buildServer } from '../src/server';

/**
 * `pnpm bench` (issue 4): a partner's list of 70 shared participants with their 10 stages each,
 * on 150 PLIEs × 700 participants × 10 stages in PostgreSQL, under load on loopback; and the same
 * request by a referent for her 70 (staff: consent enforcement bypassed). Reports requests/s,
 * latency percentiles and the SQL statements each request makes.
 */
const TENANTS = Number(process.env.BENCH_TENANTS ?? 150);
const PARTICIPANTS = Number(process.env.BENCH_PARTICIPANTS ?? 700);
const STAGES = Number(process.env.BENCH_STAGES ?? 10);
const CASELOAD = 70;
const DURATION = Number(process.env.BENCH_SECONDS ?? 20);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 8);
const PASSWORD = 'bench-password-2026';

const FIELDS = `totalCount edges { node { id firstName lastName currentPathway { status } stages { id kind { label } status plannedStart plannedEnd sharedSummary } } }`;
const PARTNER_QUERY = `{ participants(page: { first: 100 }) { ${FIELDS} } }`;
const STAFF_QUERY = `{ participants(filter: { mine: true }, page: { first: 100 }) { ${FIELDS} } }`;

const quiet = { info: () => undefined };

async function loadDataset(ownerUrl: string): Promise<void> {
  const owner = await MikroORM.init({ ...baseOrmOptions, clientUrl: ownerUrl, pool: { min: 0, max: 1 } } as Options);
  const em = owner.em.fork();
  const hash = await hashPassword(PASSWORD);
  const kinds = STAGE_KIND_TAXONOMY.slice(0, STAGES);
  const started = Date.now();
  await em.transactional(async (tx) => {
    const run = (sql: string, params: unknown[] = []) => tx.execute(sql, params);
    await run(`create temp table b_tenant as select gen_random_uuid() as id, n from generate_series(1, ?) n`, [TENANTS]);
    await run(`insert into tenant (id, created_at, slug, name) select id, now(), 'bench-' || n, 'PLIE banc ' || n from b_tenant`);
    await run(
      `create temp table b_org as select gen_random_uuid() as id, t.id as tenant_id, t.n, k.kind from b_tenant t cross join (values ('REFERENT_OPERATOR'), ('COMMUNE'), ('INTEGRATION_COMPANY')) k(kind)`,
    );
    await run(
      `insert into organisation (id, created_at, tenant_id, name, kind) select id, now(), tenant_id, kind || ' ' || n, kind::organisation_kind from b_org`,
    );
    await run(
      `create temp table b_kind as select gen_random_uuid() as id, t.id as tenant_id, k.code, k.category, k.ord from b_tenant t cross join (select * from jsonb_to_recordset(?::jsonb) as x(code text, category text, ord int)) k`,
      [JSON.stringify(kinds.map((k, ord) => ({ code: k.code, category: k.category, ord })))],
    );
    await run(
      `insert into stage_kind (id, created_at, tenant_id, code, category, label_fr, label_en) select id, now(), tenant_id, code, category::stage_category, code, code from b_kind`,
    );
    // Ten referents per PLIE, each following 70 people; one commune agent.
    await run(
      `create temp table b_referent as select gen_random_uuid() as user_id, gen_random_uuid() as id, t.id as tenant_id, t.n, r from b_tenant t cross join generate_series(0, ?) r`,
      [PARTICIPANTS / CASELOAD - 1],
    );
    await run(
      `insert into app_user (id, created_at, email, display_name) select user_id, now(), 'referent' || r || '-' || n || '@bench.jalon', 'Référent ' || r from b_referent`,
    );
    await run(`insert into user_credential (user_id, password_hash) select user_id, ? from b_referent where n = 1 and r = 0`, [hash]);
    await run(
      `insert into membership (id, created_at, tenant_id, user_id, organisation_id, role) select r.id, now(), r.tenant_id, r.user_id, o.id, 'REFERENT' from b_referent r join b_org o on o.tenant_id = r.tenant_id and o.kind = 'REFERENT_OPERATOR'`,
    );
    await run(`insert into app_user (id, created_at, email, display_name) values (gen_random_uuid(), now(), 'commune@bench.jalon', 'Agent communal')`);
    await run(`insert into user_credential (user_id, password_hash) select id, ? from app_user where email = 'commune@bench.jalon'`, [hash]);
    await run(
      `insert into membership (id, created_at, tenant_id, user_id, organisation_id, role) select gen_random_uuid(), now(), o.tenant_id, u.id, o.id, 'PARTNER_AGENT' from b_org o, app_user u where o.n = 1 and o.kind = 'COMMUNE' and u.email = 'commune@bench.jalon'`,
    );
    await run(
      `create temp table b_participant as select gen_random_uuid() as id, gen_random_uuid() as pathway_id, t.id as tenant_id, t.n, i from b_tenant t cross join generate_series(0, ? - 1) i`,
      [PARTICIPANTS],
    );
    await run(
      `insert into participant (id, created_at, tenant_id, first_name, last_name, search_key, birth_date, referent_id, current_status, updated_at)
      select p.id, now(), p.tenant_id, 'Prénom' || p.i, 'Nom' || lpad(p.i::text, 4, '0'), 'nom' || lpad(p.i::text, 4, '0') || ' prenom' || p.i, date '1990-01-01' + p.i, r.id, 'ACTIVE', now()
        from b_participant p join b_referent r on r.tenant_id = p.tenant_id and r.r = p.i % ?`,
      [PARTICIPANTS / CASELOAD],
    );
    await run(
      `insert into pathway (id, created_at, tenant_id, participant_id, number, status, referral_date, entry_date) select pathway_id, now(), tenant_id, id, 1, 'ACTIVE', date '2026-01-05', date '2026-02-02' from b_participant`,
    );
    await run(`insert into stage (id, created_at, tenant_id, pathway_id, kind_id, operator_id, status, planned_start, planned_end, shared_summary, private_notes)
      select gen_random_uuid(), now(), p.tenant_id, p.pathway_id, k.id, case when k.category = 'INTEGRATION_ACTIVITY' then o.id end, 'PLANNED', date '2026-03-02' + k.ord * 14, date '2026-03-13' + k.ord * 14, 'Résumé partagé ' || k.code, 'Notes privées'
        from b_participant p join b_kind k on k.tenant_id = p.tenant_id join b_org o on o.tenant_id = p.tenant_id and o.kind = 'INTEGRATION_COMPANY'`);
    // Each PLIE's commune has the caseload of one referent shared with it: 70 consents per PLIE.
    await run(
      `insert into consent (id, created_at, tenant_id, participant_id, pathway_id, grantee_organisation_id, data_classes, purpose, valid_from, method, collected_by_id, collected_on, notice_version)
      select gen_random_uuid(), now(), p.tenant_id, p.id, p.pathway_id, o.id, '{PATHWAY_STATUS,STAGE_LIST,STAGE_DETAILS}', 'REFERRAL_FOLLOW_UP', now() - interval '1 day', 'SIGNED_FORM', r.user_id, current_date, 'bench'
        from b_participant p join b_org o on o.tenant_id = p.tenant_id and o.kind = 'COMMUNE' join b_referent r on r.tenant_id = p.tenant_id and r.r = 0 where p.i % ? = 0`,
      [PARTICIPANTS / CASELOAD],
    );
  });
  await em.execute('analyze');
  const [counts] = await em.execute<Array<Record<string, string>>>(
    `select (select count(*) from tenant)::text as tenants, (select count(*) from participant)::text as participants, (select count(*) from stage)::text as stages, (select count(*) from consent)::text as consents`,
  );
  console.log(`dataset: ${JSON.stringify(counts)} loaded in ${Math.round((Date.now() - started) / 1000)} s`);
  await owner.close();
}

async function login(url: string, email: string): Promise<string> {
  const response = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      query: `mutation($input: LoginInput!) { login(input: $input) { user { email } } }`,
      variables: { input: { email, password: PASSWORD } },
    }),
  });
  const cookie = response.headers.get('set-cookie')?.split(';')[0];
  if (!cookie) throw new Error(`login failed for ${email}: ${await response.text()}`);
  return cookie;
}

async function statementsOf(url: string, cookie: string, query: string): Promise<{ statements: number; participants: number; stages: number }> {
  const execute = AbstractSqlConnection.prototype.execute;
  let statements = 0;
  let sqlMs = 0;
  AbstractSqlConnection.prototype.execute = async function (this: AbstractSqlConnection, ...args: Parameters<typeof execute>) {
    statements++;
    const started = performance.now();
    try {
      return await execute.apply(this, args);
    } finally {
      sqlMs += performance.now() - started;
      if (process.env.BENCH_TRACE) console.log(Math.round(performance.now() - started), 'ms', String(args[0]).slice(0, 100));
    }
  } as typeof execute;
  try {
    const response = await fetch(`${url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie },
      body: JSON.stringify({ query }),
    });
    const body = (await response.json()) as { data?: { participants?: { edges: Array<{ node: { stages: unknown[] } }> } }; errors?: unknown };
    if (body.errors) throw new Error(JSON.stringify(body.errors));
    const edges = body.data?.participants?.edges ?? [];
    if (process.env.BENCH_TRACE) console.log(`SQL total ${Math.round(sqlMs)} ms`);
    return { statements, participants: edges.length, stages: edges.reduce((n, e) => n + e.node.stages.length, 0) };
  } finally {
    AbstractSqlConnection.prototype.execute = execute;
  }
}

async function load(url: string, cookie: string, query: string): Promise<autocannon.Result> {
  return autocannon({
    url: `${url}/graphql`,
    method: 'POST',
    headers: { 'content-type': 'application/json', cookie },
    body: JSON.stringify({ query }),
    connections: CONNECTIONS,
    duration: DURATION,
  });
}

async function main(): Promise<void> {
  const appUrl = process.env.TEST_DATABASE_URL;
  const ownerUrl = process.env.TEST_DATABASE_MIGRATION_URL;
  if (!appUrl || !ownerUrl)
    throw new Error('Run through `pnpm bench` (it starts a throwaway PostgreSQL), or set TEST_DATABASE_URL and TEST_DATABASE_MIGRATION_URL');
  const config = loadConfig({
    NODE_ENV: 'production',
    LOG_LEVEL: 'warn',
    HOST: '127.0.0.1',
    PORT: '0',
    DATABASE_URL: appUrl,
    DATABASE_MIGRATION_URL: ownerUrl,
    DATABASE_POOL_MAX: String(CONNECTIONS),
    LOGIN_MAX_FAILURES_PER_IP: '1000',
  });
  const database = await openDatabase(config, quiet);
  await loadDataset(ownerUrl);
  const app = await buildServer(config, database);
  await app.listen({ host: '127.0.0.1', port: 0 });
  const address = app.server.address();
  const url = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  const partner = await login(url, 'commune@bench.jalon');
  const referent = await login(url, 'referent0-1@bench.jalon');

  const baseline = await statementsOf(url, partner, '{ __typename }');
  const rows = [];
  for (const [who, cookie, query] of [
    ['partner (consent enforced)', partner, PARTNER_QUERY],
    ['referent (staff: enforcement bypassed)', referent, STAFF_QUERY],
  ] as const) {
    for (let i = 0; i < 20; i++) await statementsOf(url, cookie, query); // warm-up
    const t0 = performance.now();
    const shape = await statementsOf(url, cookie, query);
    console.log(`${who}: one request alone took ${Math.round(performance.now() - t0)} ms`);
    // The same request for 5 people: the statement count must not move with the list's size.
    const small = await statementsOf(url, cookie, query.replace('first: 100', 'first: 5'));
    const result = await load(url, cookie, query);
    await new Promise((resolve) => setTimeout(resolve, 2000)); // let the last in-flight requests finish
    rows.push({
      who,
      participants: shape.participants,
      stages: shape.stages,
      'SQL statements': shape.statements,
      'for 5 people': small.statements,
      'of which the request itself': shape.statements - baseline.statements,
      'requests/s': Math.round(result.requests.average * 10) / 10,
      'p50 ms': result.latency.p50,
      'p99 ms': result.latency.p99,
      errors: result.errors + result.non2xx,
    });
  }
  console.table(rows);
  const [enforced, bypassed] = rows as [(typeof rows)[number], (typeof rows)[number]];
  console.log(
    `authentication and RLS settings: ${baseline.statements} statements per request; consent enforcement costs ${(bypassed['requests/s'] / enforced['requests/s']).toFixed(2)}× in throughput and ${(enforced['p99 ms'] / bypassed['p99 ms']).toFixed(2)}× in p99 latency`,
  );
  await app.close();
  await database.close();
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
