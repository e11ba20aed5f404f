import 'reflect-metadata';
import { MikroORM, type Options } from '@mikro-orm/postgresql';
import { baseOrmOptions } from '../src/db/orm-options';
import { inScopedTransaction } from '../src/access/request-transaction';
import { jobMatchCounts, jobMatches } from '../src/modules/offers/job-matching.query';
import { benchDatabase, loadDataset, median } from './bench-dataset';

/**
 * `pnpm bench`, job matching part (issue 16): one PLIE of the bench dataset (700 people) given a
 * professional project each (one to three trades among forty, the common ones of PLIE pathways)
 * and a commune of the Grenoble area, and 2,000 open offers over the same trades and the
 * département. Times, as a referent's request (row-level security on), one person's open offers
 * (against the 2,000), one offer's people (against the 700), and the match counts of a page of the
 * offers' list. Target < 200 ms.
 */
const SIZES = {
  tenants: Number(process.env.BENCH_TENANTS ?? 150),
  participants: Number(process.env.BENCH_PARTICIPANTS ?? 700),
  stages: Number(process.env.BENCH_STAGES ?? 10),
};
const OFFERS = Number(process.env.BENCH_OFFERS ?? 2000);
/** The offers' list shows at most this many a page (graphql/pagination.ts allows up to 100). */
const PAGE = 50;
const TRADES = [
  'K2204',
  'K2203',
  'K2201',
  'A1203',
  'A1202',
  'A1414',
  'N1103',
  'N1105',
  'N4105',
  'H2102',
  'H3302',
  'K1304',
  'K1302',
  'J1501',
  'J1301',
  'G1603',
  'G1602',
  'G1801',
  'D1106',
  'D1507',
  'D1505',
  'F1702',
  'F1703',
  'F1602',
  'I1203',
  'K2110',
  'K2301',
  'N1101',
  'H2909',
  'H3203',
  'K1303',
  'K1305',
  'D1101',
  'D1102',
  'G1501',
  'G1502',
  'M1607',
  'M1602',
  'F1604',
  'I1304',
];
const COMMUNES = ['38185', '38151', '38421', '38169', '38317', '38563', '38229', '38382', '38057', '38193', '38053', '38565'];

async function addProjectsAndOffers(ownerUrl: string, tenantId: string, authorId: string): Promise<void> {
  const owner = await MikroORM.init({ ...baseOrmOptions, clientUrl: ownerUrl, pool: { min: 0, max: 1 } } as Options);
  const em = owner.em.fork();
  const [done] = await em.execute<Array<{ n: number }>>(`select count(*)::int as n from job_offer where tenant_id = ?`, [tenantId]);
  if (!done?.n) {
    const trades = `{${TRADES.join(',')}}`;
    const communes = `{${COMMUNES.join(',')}}`;
    await em.execute(`update participant set commune_code = (?::text[])[1 + abs(hashtext(id::text)) % ?] where tenant_id = ?`, [
      communes,
      COMMUNES.length,
      tenantId,
    ]);
    await em.execute(
      `insert into professional_project (id, created_at, tenant_id, version, pathway_id, number, targets, author_id)
       select gen_random_uuid(), now(), pw.tenant_id, 1, pw.id, 1,
              (select jsonb_agg(jsonb_build_object('romeCode', (?::text[])[1 + abs(hashtext(pw.id::text || k)) % ?], 'status', 'CONFIRMED',
                                                   'skillsAcquired', '[]'::jsonb, 'skillsToAcquire', '[]'::jsonb))
                 from generate_series(1, 1 + abs(hashtext(pw.id::text)) % 3) k), ?
         from pathway pw where pw.tenant_id = ?`,
      [trades, TRADES.length, authorId, tenantId],
    );
    await em.execute(
      `insert into job_offer (id, created_at, updated_at, tenant_id, title, rome_code, commune_code, contract_type, duration_months, weekly_hours, positions, source, author_id)
       select gen_random_uuid(), now(), now(), ?, 'Offre ' || i, (?::text[])[1 + i % ?], (?::text[])[1 + (i / 7) % ?], 'CDD', 6, 35, 1, 'COMPANY', ?
         from generate_series(0, ? - 1) i`,
      [tenantId, trades, TRADES.length, communes, COMMUNES.length, authorId, OFFERS],
    );
    await em.execute('analyze participant, professional_project, job_offer');
  }
  await owner.close();
}

async function main(): Promise<void> {
  const { appUrl, ownerUrl } = await benchDatabase();
  const { referent } = await loadDataset(ownerUrl, SIZES);
  await addProjectsAndOffers(ownerUrl, referent.tenantId, referent.userId);
  const orm = await MikroORM.init({ ...baseOrmOptions, clientUrl: appUrl, pool: { min: 0, max: 1 } } as Options);
  const settings = { tenantId: referent.tenantId, userId: referent.userId, organisationId: referent.organisationId, staff: true, now: new Date() };
  const asReferent = <T>(work: Parameters<typeof inScopedTransaction<T>>[2]) => inScopedTransaction(orm.em, settings, work);
  const { pathwayId, offerId, offerIds } = await asReferent(async (em) => {
    const [person] = await em.execute<Array<{ id: string }>>(`select pathway_id as id from professional_project order by pathway_id limit 1`);
    const offers = await em.execute<Array<{ id: string }>>(`select id from job_offer order by id`);
    return { pathwayId: person!.id, offerId: offers[0]!.id, offerIds: offers.map((o) => o.id) };
  });
  const cases: Array<[string, () => Promise<number>]> = [
    [`one person's open offers (of ${offerIds.length})`, () => asReferent(async (em) => (await jobMatches(em, { pathwayId })).length)],
    [`one offer's people (of ${SIZES.participants})`, () => asReferent(async (em) => (await jobMatches(em, { offerIds: [offerId] })).length)],
    [
      `match counts of a page of ${PAGE} offers (the list)`,
      () => asReferent(async (em) => [...(await jobMatchCounts(em, offerIds.slice(0, PAGE))).values()].reduce((a, b) => a + b, 0)),
    ],
  ];
  const rows = [];
  for (const [label, run] of cases) {
    const times: number[] = [];
    let matches = 0;
    for (let i = 0; i < 5; i++) {
      const t0 = performance.now();
      matches = await run();
      times.push(performance.now() - t0);
    }
    rows.push({ matching: label, statements: 1, matches, 'median ms': Math.round(median(times)), runs: times.map(Math.round).join(' / ') });
  }
  console.table(rows);
  await orm.close();
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
