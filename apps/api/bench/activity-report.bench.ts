import 'reflect-metadata';
import { MikroORM, type Options } from '@mikro-orm/postgresql';
import { calendarYear, previousPeriod } from '@jalon/domain';
import { baseOrmOptions } from '../src/db/orm-options';
import { activityReportRowsOfTenants } from '../src/modules/reports/activity-report.query';
import { ReportScopeKind } from '@jalon/domain';
import { benchDatabase, loadDataset, median, settle } from './bench-dataset';

/**
 * `pnpm bench`, activity report part (issue 13): the bench dataset (150 PLIEs × 700 people × 10
 * stages) with, in proportion, exits of every kind, stages started and completed, and five
 * appointments a person over the year, some missed. Times the annual report of one PLIE (target
 * < 1 s) and the national total over every PLIE (< 5 s), each one statement. Medians of three.
 */
const SIZES = {
  tenants: Number(process.env.BENCH_TENANTS ?? 150),
  participants: Number(process.env.BENCH_PARTICIPANTS ?? 700),
  stages: Number(process.env.BENCH_STAGES ?? 10),
};
const YEAR = 2026;
const EXITS = ['JOB_PERMANENT', 'JOB_FIXED_TERM_6_MONTHS_PLUS', 'QUALIFYING_TRAINING', 'REORIENTATION', 'ABANDONMENT', 'HEALTH'];

/** What the consent bench's dataset lacks for a report: exits, stages that started and ended, appointments. */
async function addActivity(em: ReturnType<MikroORM['em']['fork']>): Promise<void> {
  await em.execute(
    `update pathway set status = 'EXITED', exit_date = entry_date + 60 + (hashtext(id::text) & 255),
            exit_kind = (?::text[])[1 + (hashtext(id::text) & 1023) % ?]::exit_kind
      where hashtext(id::text) % 10 in (1, 2, 3)`,
    [`{${EXITS.join(',')}}`, EXITS.length],
  );
  await em.execute(
    `update stage set status = case when hashtext(id::text) % 3 = 0 then 'COMPLETED' else 'IN_PROGRESS' end::stage_status,
            actual_start = planned_start, actual_end = case when hashtext(id::text) % 3 = 0 then planned_end end
      where planned_start < ?::date`,
    [`${YEAR}-07-01`],
  );
  await em.execute(
    `create temp table b_appointment as
       select gen_random_uuid() as id, p.tenant_id, p.referent_id, p.id as participant_id, k,
              (date '${YEAR}-02-10' + k * 60 + (hashtext(p.id::text) & 31))::timestamp + time '09:30' as starts_at
         from participant p cross join generate_series(0, 4) k`,
  );
  await em.execute(
    `insert into appointment (id, created_at, tenant_id, referent_id, kind, starts_at, ends_at, mode, status)
     select id, now(), tenant_id, referent_id, 'INDIVIDUAL', starts_at, starts_at + interval '45 minutes',
            (array['IN_PERSON','IN_PERSON','PHONE','VIDEO'])[1 + k % 4]::appointment_mode, 'HELD' from b_appointment`,
  );
  await em.execute(
    `insert into appointment_attendee (id, created_at, tenant_id, appointment_id, participant_id, attendance)
     select gen_random_uuid(), now(), tenant_id, id, participant_id, case when k = 3 then 'ABSENT' else 'PRESENT' end::attendance from b_appointment`,
  );
}

async function main(): Promise<void> {
  const { ownerUrl } = await benchDatabase();
  const { referent } = await loadDataset(ownerUrl, SIZES);
  // The owner reads past row-level security: the national total is no request's, it is the bench's.
  const orm = await MikroORM.init({ ...baseOrmOptions, clientUrl: ownerUrl, pool: { min: 0, max: 1 } } as Options);
  const em = orm.em.fork();
  const started = Date.now();
  await addActivity(em);
  // The updates leave a dead row for every stage and pathway changed, which autovacuum clears in a
  // live database within minutes: measure that state, not a table twice its size.
  await settle(ownerUrl);
  const [counts] = await em.execute<Array<Record<string, string>>>(
    `select (select count(*) from pathway where exit_date is not null)::text as exits, (select count(*) from appointment)::text as appointments`,
  );
  console.log(`activity added in ${Math.round((Date.now() - started) / 1000)} s: ${JSON.stringify(counts)}`);
  const tenants = (await em.execute<Array<{ id: string }>>(`select id from tenant where slug like 'bench-%'`)).map((t) => t.id);
  const current = calendarYear(YEAR);
  const periods = { current, previous: previousPeriod(current) };
  const whole = { kind: ReportScopeKind.WHOLE_PLIE } as const;
  const rows = [];
  for (const [label, ids] of [
    ['one PLIE', [referent.tenantId]],
    [`national total (${tenants.length} PLIEs)`, tenants],
  ] as const) {
    const times: number[] = [];
    let figures = 0;
    let followed: number | null = null;
    for (let run = 0; run < 3; run++) {
      const t0 = performance.now();
      const result = await activityReportRowsOfTenants(em, periods, ids, whole, 'fr');
      times.push(performance.now() - t0);
      figures = result.length;
      followed = result.find((r) => r.period === 'current' && r.figure === 'people' && r.key === 'followed')?.value ?? null;
    }
    rows.push({
      report: `${YEAR}, ${label}`,
      statements: 1,
      figures,
      'people followed': followed,
      'median ms': Math.round(median(times)),
      runs: times.map(Math.round).join(' / '),
    });
  }
  console.table(rows);
  await orm.close();
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
