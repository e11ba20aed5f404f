import { PGlite } from '@electric-sql/pglite';
import { MikroORM, type Options } from '@mikro-orm/postgresql';
import { PGliteDriver } from 'mikro-orm-pglite';
import { parse as parseArray } from 'postgres-array';
import { baseOrmOptions } from './orm-options';

const DATE_OID = 1082;
/** PostgreSQL's FirstNormalObjectId: every oid below is the system's own. */
const FIRST_USER_OID = 16384;

/**
 * Opens the embedded PGlite so that it returns values as node-postgres does on a PostgreSQL
 * server, the code above the driver being the same on both:
 * - calendar dates stay 'YYYY-MM-DD' strings, as MikroORM sets node-postgres up to return them;
 * - a NULL inside an array is `null`. PGlite 0.3's array parser reads an unquoted NULL as the
 *   string "NULL" (so `array[null]::date[]` gave an invalid date and the retention run failed);
 *   node-postgres's own array parser, postgres-array, tells NULL from "NULL". PGlite sets its
 *   array parsers when it starts, over any given to it, so they are replaced once it is ready.
 */
export async function openEmbeddedDatabase(dataDir: string): Promise<PGlite> {
  const pglite = new PGlite(dataDir, { parsers: { [DATE_OID]: (value: string) => value } });
  await pglite.waitReady;
  const arrays = await pglite.query<{ element: number; array: number }>('select oid as element, typarray as array from pg_catalog.pg_type where typarray <> 0');
  for (const { element, array } of arrays.rows) {
    if (element >= FIRST_USER_OID) {
      // A type the migrations created (an enum): node-postgres does not know it and returns its
      // arrays as text, which MikroORM parses; PGlite knows it only when reopening a data directory.
      delete pglite.parsers[array];
      continue;
    }
    // The element's parser is looked up when a value is read: it may be one set above.
    pglite.parsers[array] = (text: string) => parseArray(text, (value) => (pglite.parsers[element] ?? String)(value));
  }
  return pglite;
}

/** MikroORM over an embedded database: its one connection, as whichever role it is set to. */
export function embeddedOrm(pglite: PGlite, debug = false): Promise<MikroORM> {
  return MikroORM.init({
    ...baseOrmOptions,
    driver: PGliteDriver,
    dbName: 'postgres',
    driverOptions: { connection: { pglite: () => pglite } },
    debug,
  } as unknown as Options);
}
