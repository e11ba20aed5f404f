import { randomUUID } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import { CURRENT_ESF_EXPORT_LAYOUT, esfExportProblems } from '@jalon/domain';
import { linesToExport } from '../../modules/esf/esf-export';
import { insertExportLines, recordLineOutcomes } from '../../modules/esf/esf-export.query';
import { insertRows } from './insert-rows';

const DAY_MS = 86_400_000;
const day = (iso: string, days: number) => new Date(Date.parse(`${iso}T09:00:00Z`) + days * DAY_MS).toISOString();

/**
 * The round trip of each finished operation, as a PLIE has it: the animation team sent the complete
 * file three weeks after the operation closed, and the managing authority answered ten days later,
 * rejecting the lines that were incomplete (the validation's own reasons, in the authority's words).
 * Their referents find those people in their to-do list. Written through the product's own export
 * code, so the demo's file downloads as a real one does.
 */
export async function seedDemoEsfExports(em: EntityManager, tenantId: string, animationUserId: string, today: string): Promise<void> {
  const finished = await em.execute<Array<{ id: string; ends_on: string }>>(
    `select id, to_char(ends_on, 'YYYY-MM-DD') as ends_on from esf_operation where tenant_id = ? and ends_on + 31 < ?::date order by ends_on`,
    [tenantId, today],
  );
  for (const operation of finished) {
    const lines = await linesToExport(em, tenantId, operation.id, true);
    if (lines.length === 0) continue;
    const exportId = randomUUID();
    await insertRows(em, 'esf_export', [
      {
        id: exportId,
        created_at: day(operation.ends_on, 21),
        tenant_id: tenantId,
        operation_id: operation.id,
        layout: CURRENT_ESF_EXPORT_LAYOUT.version,
        complete: true,
        line_count: lines.length,
        created_by_id: animationUserId,
        answered_at: day(operation.ends_on, 31),
        answered_by_id: animationUserId,
        error_file_name: 'rejets-ma-demarche-fse.csv',
      },
    ]);
    await insertExportLines(
      em,
      tenantId,
      exportId,
      lines.map((line) => ({ pathwayId: line.source.reference, content: line.content, fingerprint: line.fingerprint })),
    );
    const rejections = lines.flatMap((line, index) => {
      const [problem] = esfExportProblems(CURRENT_ESF_EXPORT_LAYOUT, line.source);
      return problem ? [{ line: index + 1, reason: `Le champ ${problem.header} est obligatoire ou invalide.` }] : [];
    });
    await recordLineOutcomes(em, exportId, rejections);
    await em.execute(`update esf_export set rejected_count = ? where id = ?`, [rejections.length, exportId]);
  }
}
