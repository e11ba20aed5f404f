import { PGlite } from '@electric-sql/pglite';
import { MikroORM, type Options } from '@mikro-orm/postgresql';
import { PGliteDriver } from 'mikro-orm-pglite';
import { describe, expect, it } from 'vitest';
import { baseOrmOptions } from '../orm-options';
import { seedDemoData } from './demo-data';

/** A fresh in-memory database, migrated and seeded with the demo; returns a query function. */
async function seededDatabase(): Promise<{ rows: <T>(sql: string) => Promise<T[]>; close: () => Promise<void>; seedMs: number }> {
  const pglite = new PGlite('memory://', { parsers: { 1082: (value: string) => value } });
  const orm = await MikroORM.init({
    ...baseOrmOptions,
    driver: PGliteDriver,
    dbName: 'postgres',
    driverOptions: { connection: { pglite: () => pglite } },
  } as unknown as Options);
  await orm.getMigrator().up();
  const started = Date.now();
  expect(await seedDemoData(orm.em.fork())).toBe(true);
  const seedMs = Date.now() - started;
  return {
    rows: async <T>(sql: string) => (await pglite.query<T>(sql)).rows,
    close: async () => {
      await orm.close();
      await pglite.close();
    },
    seedMs,
  };
}

const ACTIVE_OF = (email: string) => `
  select count(*)::int as n from participant p join membership m on m.id = p.referent_id join app_user u on u.id = m.user_id
  where u.email = '${email}' and p.current_status = 'ACTIVE'`;

/** What each partner login finds on its main screen: people shared with its organisation. */
const SHARED_WITH = (email: string, slug: string) => `
  select count(distinct c.participant_id)::int as n from consent c
  join membership m on m.organisation_id = c.grantee_organisation_id join app_user u on u.id = m.user_id
  join tenant t on t.id = c.tenant_id
  where u.email = '${email}' and t.slug = '${slug}' and c.status = 'ACTIVE'`;

/** The people of both PLIEs, named story and generated population, in a stable order. */
const DIGEST = `select md5(string_agg(concat_ws(' ', first_name, last_name, birth_date, commune_code, current_status), ',' order by search_key, birth_date, first_name)) as digest from participant`;

describe('the demo population', () => {
  it('gives every demo login something to work on, the same way on every start', { timeout: 240_000 }, async () => {
    const first = await seededDatabase();
    console.log(`demo seed: ${first.seedMs} ms`);
    try {
      const [nadia] = await first.rows<{ n: number }>(ACTIVE_OF('nadia@grenoble.demo'));
      expect(nadia!.n).toBeGreaterThanOrEqual(50);
      expect(nadia!.n).toBeLessThanOrEqual(80);
      for (const email of ['julien@grenoble.demo', 'samira@grenoble.demo', 'yasmine@clermont.demo', 'fatou@clermont.demo'])
        expect((await first.rows<{ n: number }>(ACTIVE_OF(email)))[0]!.n, email).toBeGreaterThan(20);

      // Partners: people shared with them in each PLIE, Claire in both.
      for (const [email, slug] of [
        ['sophie@grenoble.demo', 'grenoble-alpes'],
        ['lucas@grenoble.demo', 'grenoble-alpes'],
        ['karim@grenoble.demo', 'grenoble-alpes'],
        ['elodie@grenoble.demo', 'grenoble-alpes'],
        ['claire@formation.demo', 'grenoble-alpes'],
        ['claire@formation.demo', 'clermont-auvergne'],
        ['agnes@clermont.demo', 'clermont-auvergne'],
        ['olivier@clermont.demo', 'clermont-auvergne'],
      ] as const)
        expect((await first.rows<{ n: number }>(SHARED_WITH(email, slug)))[0]!.n, `${email} in ${slug}`).toBeGreaterThan(5);

      // Reports due and written: the ETTI's monthly reports, Claire's attendance in Clermont.
      const [reports] = await first.rows<{ etti: number; clermontTraining: number; pending: number }>(`
        select (select count(*)::int from contract_report r join organisation o on o.id = r.author_organisation_id where o.siae_kind = 'ETTI') as etti,
               (select count(*)::int from training_attendance a join tenant t on t.id = a.tenant_id where t.slug = 'clermont-auvergne') as "clermontTraining",
               (select count(*)::int from referral where status in ('NEW', 'UNDER_REVIEW')) as pending`);
      expect(reports!.etti).toBeGreaterThan(10);
      expect(reports!.clermontTraining).toBeGreaterThan(10);
      expect(reports!.pending).toBeGreaterThan(5);

      // Échirolles' figures show numbers, not only « moins de 5 ».
      const [echirolles] = await first.rows<{ n: number }>(
        `select count(*)::int as n from participant where commune_code = '38151' and current_status = 'ACTIVE'`,
      );
      expect(echirolles!.n).toBeGreaterThanOrEqual(5);

      const second = await seededDatabase();
      try {
        expect((await second.rows<{ digest: string }>(DIGEST))[0]!.digest).toBe((await first.rows<{ digest: string }>(DIGEST))[0]!.digest);
      } finally {
        await second.close();
      }
    } finally {
      await first.close();
    }
  });
});
