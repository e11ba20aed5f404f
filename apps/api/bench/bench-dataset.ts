import { MikroORM, type Options } from '@mikro-orm/postgresql';
import { STAGE_KIND_TAXONOMY } from '@jalon/domain';
import { loadConfig } from '../src/config';
import { openDatabase } from '../src/db/database';
import { baseOrmOptions } from '../src/db/orm-options';
import { hashPassword } from '../src/modules/auth/password-hash';
import type { BenchViewer } from './bench-viewer';

export type { BenchViewer } from './bench-viewer';

/**
 * The bench's dataset, generated in SQL: `tenants` PLIEs × `participants` people × `stages`
 * stages, ten referents per PLIE following 70 each, and in the first PLIE a commune agent with
 * whom one referent's 70 people are shared. Shared by every bench that needs a national-size base.
 */
export const BENCH_PASSWORD = 'bench-password-2026';
export const CASELOAD = 70;
export const PARTNER_EMAIL = 'commune@bench.jalon';
export const REFERENT_EMAIL = 'referent0-1@bench.jalon';

/** The database pnpm bench started (scripts/bench.sh), migrated by the application's own path. */
export async function benchDatabase(): Promise<{ appUrl: string; ownerUrl: string }> {
  const appUrl = process.env.TEST_DATABASE_URL;
  const ownerUrl = process.env.TEST_DATABASE_MIGRATION_URL;
  if (!appUrl || !ownerUrl)
    throw new Error('Run through `pnpm bench` (it starts a throwaway PostgreSQL), or set TEST_DATABASE_URL and TEST_DATABASE_MIGRATION_URL');
  const config = loadConfig({ NODE_ENV: 'production', LOG_LEVEL: 'warn', DATABASE_URL: appUrl, DATABASE_MIGRATION_URL: ownerUrl });
  await (await openDatabase(config, { info: () => undefined })).close();
  return { appUrl, ownerUrl };
}

/** The middle of a few timings. */
export const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

export interface BenchSizes {
  tenants: number;
  participants: number;
  stages: number;
}

export async function loadDataset(
  ownerUrl: string,
  { tenants: TENANTS, participants: PARTICIPANTS, stages: STAGES }: BenchSizes,
): Promise<Record<'partner' | 'referent', BenchViewer>> {
  const owner = await MikroORM.init({ ...baseOrmOptions, clientUrl: ownerUrl, pool: { min: 0, max: 1 } } as Options);
  const em = owner.em.fork();
  const hash = await hashPassword(BENCH_PASSWORD);
  const kinds = STAGE_KIND_TAXONOMY.slice(0, STAGES);
  const started = Date.now();
  // pnpm bench runs its benches on one database: the first loads the dataset, the next ones use it.
  const [loaded] = await em.execute<Array<{ n: number }>>(`select count(*)::int as n from tenant where slug like 'bench-%'`);
  if (!loaded?.n)
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
      await run(`insert into app_user (id, created_at, email, display_name) values (gen_random_uuid(), now(), ?, 'Agent communal')`, [PARTNER_EMAIL]);
      await run(`insert into user_credential (user_id, password_hash) select id, ? from app_user where email = ?`, [hash, PARTNER_EMAIL]);
      await run(
        `insert into membership (id, created_at, tenant_id, user_id, organisation_id, role) select gen_random_uuid(), now(), o.tenant_id, u.id, o.id, 'PARTNER_AGENT' from b_org o, app_user u where o.n = 1 and o.kind = 'COMMUNE' and u.email = ?`,
        [PARTNER_EMAIL],
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
  console.log(`dataset: ${JSON.stringify(counts)} ${loaded?.n ? 'already loaded' : `loaded in ${Math.round((Date.now() - started) / 1000)} s`}`);
  const viewers = await em.execute<Array<BenchViewer & { email: string }>>(
    `select u.email, m.tenant_id as "tenantId", u.id as "userId", m.organisation_id as "organisationId", m.id as "membershipId", m.role <> 'PARTNER_AGENT' as staff
       from membership m join app_user u on u.id = m.user_id where u.email in (?, ?)`,
    [PARTNER_EMAIL, REFERENT_EMAIL],
  );
  await owner.close();
  const of = (email: string) => viewers.find((v) => v.email === email)!;
  return { partner: of(PARTNER_EMAIL), referent: of(REFERENT_EMAIL) };
}
