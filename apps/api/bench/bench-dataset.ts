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

/**
 * Vacuums and analyses the loaded tables, then waits (two minutes at most) until no autovacuum
 * worker is left: the writes that loaded a million stages wake autovacuum, which would otherwise
 * take one of the machine's two cores from whichever server is measured first, and be counted in
 * PostgreSQL's CPU per request.
 */
export async function settle(ownerUrl: string): Promise<void> {
  const owner = await MikroORM.init({ ...baseOrmOptions, clientUrl: ownerUrl, pool: { min: 0, max: 1 } } as Options);
  const em = owner.em.fork();
  await em.execute('vacuum analyze');
  for (let waited = 0; waited < 120; waited++) {
    const [busy] = await em.execute<Array<{ n: number }>>(`select count(*)::int as n from pg_stat_activity where backend_type = 'autovacuum worker'`);
    if (!busy?.n) break;
    await new Promise((resolve) => setTimeout(resolve, 1000));
  }
  await owner.close();
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

export const REFERRALS = 200;
export const AGENDA_PEOPLE = 20;
export const AGENDA_REFERRALS = 5;
export const AGENDA_GENERAL = 5;

/**
 * The meetings and referrals of the dataset (added to an already loaded one): in each PLIE, 200
 * referrals made by the commune (each with its submission, newest received last), and a partner
 * coordination meeting organised by the first referent with the commune invited: an agenda of 20
 * people (the 10 of them followed by the first referent have a consent sharing their pathway with
 * the commune for coordination meetings, the other 10 are withheld from it), 5 of the commune's
 * referrals and 5 general points. Returns the first PLIE's meeting.
 */
export async function loadCoordination(ownerUrl: string): Promise<{ meetingId: string }> {
  const owner = await MikroORM.init({ ...baseOrmOptions, clientUrl: ownerUrl, pool: { min: 0, max: 1 } } as Options);
  const em = owner.em.fork();
  const [loaded] = await em.execute<Array<{ n: number }>>(`select count(*)::int as n from meeting where title = 'Coordination banc'`);
  if (!loaded?.n)
    await em.transactional(async (tx) => {
      const run = (sql: string, params: unknown[] = []) => tx.execute(sql, params);
      // Each PLIE's commune and first referent (user and membership), and the commune's agent where there is one.
      await run(`create temp table b_plie as
        select t.id as tenant_id, c.id as commune_id, r.id as referent_membership_id, r.user_id as referent_user_id,
               coalesce((select m.user_id from membership m where m.organisation_id = c.id limit 1), r.user_id) as author_id
          from tenant t join organisation c on c.tenant_id = t.id and c.kind = 'COMMUNE'
          join membership r on r.tenant_id = t.id join app_user u on u.id = r.user_id and u.email like 'referent0-%'
         where t.slug like 'bench-%'`);
      await run(
        `create temp table b_referral as select gen_random_uuid() as id, p.*, i, now() - (? - i) * interval '1 hour' as received_at from b_plie p cross join generate_series(1, ?) i`,
        [REFERRALS, REFERRALS],
      );
      await run(`insert into referral (id, created_at, tenant_id, referring_organisation_id, first_name, last_name, search_key, birth_date, status, received_at)
        select id, received_at, tenant_id, commune_id, 'Orienté' || i, 'Orientation' || lpad(i::text, 4, '0'), 'orientation' || lpad(i::text, 4, '0') || ' oriente' || i,
               date '1985-01-01' + i, (array['NEW', 'UNDER_REVIEW', 'POSTPONED', 'REFUSED'])[1 + i % 4]::referral_status, received_at
          from b_referral`);
      await run(`insert into referral_submission (id, created_at, tenant_id, referral_id, organisation_id, author_id, submitted_at, situation, reason, agreement_method, agreed_on,
                   first_name, last_name, search_key, birth_date, status)
        select gen_random_uuid(), r.received_at, r.tenant_id, r.id, r.commune_id, r.author_id, r.received_at, 'Situation', 'Motif', 'SIGNED_FORM', r.received_at::date,
               x.first_name, x.last_name, x.search_key, x.birth_date, x.status
          from b_referral r join referral x on x.id = r.id`);
      await run(`create temp table b_meeting as select gen_random_uuid() as id, p.* from b_plie p`);
      await run(`insert into meeting (id, created_at, tenant_id, kind, title, starts_at, ends_at, place, organiser_id)
        select id, now(), tenant_id, 'PARTNER_COORDINATION', 'Coordination banc', now() + interval '7 days', now() + interval '7 days 2 hours', 'Salle du conseil', referent_user_id from b_meeting`);
      await run(
        `insert into meeting_invitation (id, created_at, tenant_id, meeting_id, organisation_id) select gen_random_uuid(), now(), tenant_id, id, commune_id from b_meeting`,
      );
      // People 0, 5, 10, … 95 of each PLIE: those followed by the first referent (a multiple of ten) are the ones shared for coordination.
      await run(
        `create temp table b_agenda_person as select p.id as participant_id, p.tenant_id, n from participant p, generate_series(0, ? - 1) n where p.last_name = 'Nom' || lpad((n * 5)::text, 4, '0') and p.tenant_id in (select tenant_id from b_plie)`,
        [AGENDA_PEOPLE],
      );
      await run(`insert into consent (id, created_at, tenant_id, participant_id, pathway_id, grantee_organisation_id, data_classes, purpose, valid_from, method, collected_by_id, collected_on, notice_version)
        select gen_random_uuid(), now(), a.tenant_id, a.participant_id, w.id, m.commune_id, '{PATHWAY_STATUS}', 'COORDINATION_MEETINGS', now() - interval '1 day', 'SIGNED_FORM', m.referent_user_id, current_date, 'bench'
          from b_agenda_person a join pathway w on w.participant_id = a.participant_id join b_meeting m on m.tenant_id = a.tenant_id where a.n % 2 = 0`);
      await run(`insert into agenda_item (id, created_at, tenant_id, meeting_id, position, participant_id, question, proposed_by_id)
        select gen_random_uuid(), now(), a.tenant_id, m.id, a.n + 1, a.participant_id, 'Point sur le parcours', m.referent_user_id from b_agenda_person a join b_meeting m on m.tenant_id = a.tenant_id`);
      await run(
        `insert into agenda_item (id, created_at, tenant_id, meeting_id, position, referral_id, question, proposed_by_id)
        select gen_random_uuid(), now(), r.tenant_id, m.id, ? + r.i, r.id, 'Orientation à examiner', m.referent_user_id from b_referral r join b_meeting m on m.tenant_id = r.tenant_id where r.i <= ?`,
        [AGENDA_PEOPLE, AGENDA_REFERRALS],
      );
      await run(
        `insert into agenda_item (id, created_at, tenant_id, meeting_id, position, question, proposed_by_id)
        select gen_random_uuid(), now(), m.tenant_id, m.id, ? + g, 'Point général ' || g, m.referent_user_id from b_meeting m cross join generate_series(1, ?) g`,
        [AGENDA_PEOPLE + AGENDA_REFERRALS, AGENDA_GENERAL],
      );
      await run('analyze');
    });
  const [first] = await em.execute<Array<{ id: string }>>(
    `select m.id from meeting m join tenant t on t.id = m.tenant_id where t.slug = 'bench-1' and m.title = 'Coordination banc'`,
  );
  await owner.close();
  return { meetingId: first!.id };
}
