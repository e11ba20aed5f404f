import type { EntityManager } from '@mikro-orm/postgresql';

export type Row = Record<string, string | number | boolean | null | undefined>;

/** Rows per statement: large enough to be quick, small enough for any server's statement size. */
const BATCH = 500;

/** A SQL literal; the demo writes only its own generated values, quoted here (no user input). */
function literal(value: string | number | boolean | null | undefined): string {
  if (value === null || value === undefined) return 'null';
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return `'${value.replaceAll("'", "''")}'`;
}

/** Multi-row INSERTs of rows sharing their columns (the first row's keys), in the caller's transaction. */
export async function insertRows(em: EntityManager, table: string, rows: Row[]): Promise<void> {
  if (rows.length === 0) return;
  const columns = Object.keys(rows[0]!);
  for (let i = 0; i < rows.length; i += BATCH) {
    const values = rows.slice(i, i + BATCH).map((row) => `(${columns.map((c) => literal(row[c] ?? null)).join(', ')})`);
    await em.execute(`insert into ${table} (${columns.join(', ')}) values ${values.join(',\n')}`);
  }
}
