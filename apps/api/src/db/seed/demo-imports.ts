import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { EntityManager } from '@mikro-orm/postgresql';
import { guessMapping } from '@jalon/domain';
import { IMPORT_SAMPLE } from '../../modules/import/import-file-reader';

export const DEMO_IMPORT_SOURCE = 'Logiciel précédent (export ABC)';

/**
 * The mapping the Grenoble animation team saved for its previous tool's exports, so the sample
 * file opens on it; made from the sample's own headers, as the mapping screen proposes them.
 */
export async function seedDemoImports(em: EntityManager): Promise<void> {
  const headers = readFileSync(IMPORT_SAMPLE, 'utf8').split(/\r?\n/)[0]!.split(';');
  const [tenant] = await em.execute<Array<{ id: string }>>(`select id from tenant where slug = 'grenoble-alpes'`);
  if (!tenant) throw new Error('Demo imports: the Grenoble PLIE is not seeded');
  // Ids made here, not read back from `returning`: PGlite's driver answers an insert without its rows.
  await em.execute(`insert into import_mapping (id, created_at, updated_at, tenant_id, source, columns) values (?, now(), now(), ?, ?, ?::jsonb)`, [
    randomUUID(),
    tenant.id,
    DEMO_IMPORT_SOURCE,
    JSON.stringify(guessMapping(headers)),
  ]);
}
