import type { EntityManager } from '@mikro-orm/postgresql';

/** Rows sent per INSERT: big enough that 10,000 lines take a few statements, small enough for one JSON parameter. */
const BATCH = 2_000;

export type Row = Record<string, unknown>;

/**
 * Inserts rows in batches, each one statement reading a JSON array (`jsonb_to_recordset`): one
 * round trip per batch instead of one per row, and the rows go through row-level security as
 * any write of the request does. `columns` gives each column's SQL type.
 */
export async function insertRows(
  em: EntityManager,
  table: string,
  columns: Record<string, string>,
  rows: Row[],
  onBatch: (count: number) => void,
): Promise<void> {
  const names = Object.keys(columns)
    .map((name) => `"${name}"`)
    .join(', ');
  const types = Object.entries(columns)
    .map(([name, type]) => `"${name}" ${type}`)
    .join(', ');
  for (let start = 0; start < rows.length; start += BATCH) {
    const batch = rows.slice(start, start + BATCH);
    await em.execute(`insert into "${table}" (${names}) select ${names} from jsonb_to_recordset(?::jsonb) as r(${types})`, [JSON.stringify(batch)]);
    onBatch(batch.length);
  }
}

/**
 * Among `keys`, those an import from `source` already wrote, with the person and pathway of each.
 * The tenant is named so each key is one lookup of the primary key (tenant, source, key): without
 * it, 10,000 keys against as many rows took a minute (measured by the import bench).
 */
export function importKeysAmong(em: EntityManager, tenantId: string, source: string, keys: string[]) {
  return em.execute<Array<{ key: string; participant_id: string; pathway_id: string | null }>>(
    `select k.key, k.participant_id, k.pathway_id
       from jsonb_array_elements_text(?::jsonb) as f(key)
       join import_key k on k.tenant_id = ? and k.source = ? and k.key = f.key`,
    [JSON.stringify(keys), tenantId, source],
  );
}

/** Which of these identities (search key and birth date) a file of the tenant already has. */
export function existingIdentities(em: EntityManager, tenantId: string, identities: Array<{ search_key: string; birth_date: string }>) {
  return em.execute<Array<{ search_key: string; birth_date: string }>>(
    `select distinct p.search_key, to_char(p.birth_date, 'YYYY-MM-DD') as birth_date
       from jsonb_to_recordset(?::jsonb) as f(search_key text, birth_date date)
       join participant p on p.tenant_id = ? and p.search_key = f.search_key and p.birth_date = f.birth_date`,
    [JSON.stringify(identities), tenantId],
  );
}

/** The highest pathway number of each of these people. */
export async function highestPathwayNumbers(em: EntityManager, participantIds: string[]): Promise<Map<string, number>> {
  if (participantIds.length === 0) return new Map();
  const rows = await em.execute<Array<{ participant_id: string; number: number }>>(
    `select participant_id, max(number)::int as number from pathway
      where participant_id in (select jsonb_array_elements_text(?::jsonb)::uuid) group by participant_id`,
    [JSON.stringify([...new Set(participantIds)])],
  );
  return new Map(rows.map((row) => [row.participant_id, row.number]));
}

/** Copies each person's new latest pathway status onto her file (participant.current_status). */
export async function updateCurrentStatuses(em: EntityManager, at: string, updates: Array<{ id: string; status: string }>): Promise<void> {
  if (updates.length === 0) return;
  await em.execute(
    `update participant p set current_status = u.status, version = p.version + 1, updated_at = ?
       from jsonb_to_recordset(?::jsonb) as u(id uuid, status pathway_status) where p.id = u.id`,
    [at, JSON.stringify(updates)],
  );
}
