import { createHash } from 'node:crypto';
import { CURRENT_ESF_EXPORT_LAYOUT, ESF_EXPORT_LAYOUTS, esfExportCells, esfExportHeader, esfRejections, type EsfExportLayout } from '@jalon/domain';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { RequestContext } from '../../context/request-context';
import { activeMembership } from '../../access/tenant-scope';
import { csvLine } from '../../exports/csv-writer';
import { errors } from '../../graphql/errors';
import { parseGlobalId } from '../../graphql/relay';
import { createOnce } from '../idempotency/idempotency';
import { DOCUMENT_MAX_BYTES, type UploadedFile } from '../documents/uploaded-file';
import { User } from '../users/user.entity';
import { readCsvRows } from './esf-error-file';
import { EsfExport } from './esf-export.entity';
import { findOperation } from './esf-operation.service';
import { esfExportParticipants, exportedLines, exportedReferences, insertExportLines, recordLineOutcomes, type EsfLineSource } from './esf-export.query';

/** A line as the file writes it, and what is needed to find it back: her pathway (the identifier) and its fingerprint. */
export interface EsfLine {
  source: EsfLineSource;
  content: string;
  fingerprint: string;
}

/**
 * The lines a file of the operation would hold: every participant (complete), or only those new
 * or changed since their last accepted line (incremental: a line the authority rejected, or has
 * not answered yet, is sent again).
 */
export async function linesToExport(
  em: EntityManager,
  tenantId: string,
  operationId: string,
  complete: boolean,
  layout = CURRENT_ESF_EXPORT_LAYOUT,
): Promise<EsfLine[]> {
  const sources = await esfExportParticipants(em, tenantId, operationId);
  return sources.flatMap((source) => {
    // Written without its line end, so the fingerprint does not depend on how lines are joined.
    const content = csvLine(esfExportCells(layout, source)).slice(0, -2);
    const fingerprint = createHash('sha256').update(content).digest('hex');
    return complete || fingerprint !== source.acceptedFingerprint ? [{ source, content, fingerprint }] : [];
  });
}

async function findExport(ctx: RequestContext, field: string, globalId: string): Promise<EsfExport> {
  const parsed = parseGlobalId(globalId, 'EsfExport');
  const found = parsed && (await ctx.em.findOne(EsfExport, { id: parsed.id }, { populate: ['operation'] }));
  if (!found) throw errors.notFound(ctx, field);
  return found;
}

/** Writes the file and records it (who, when, which lines, as written): a retry with the same key gets the same export. */
export function createExport(ctx: RequestContext, input: { operationId: string; complete: boolean; idempotencyKey?: string | null }): Promise<EsfExport> {
  return createOnce(
    ctx,
    'createEsfExport',
    input.idempotencyKey,
    async () => {
      const operation = await findOperation(ctx, 'operationId', input.operationId);
      const lines = await linesToExport(ctx.em, activeMembership(ctx).tenantId, operation.id, input.complete);
      if (lines.length === 0) throw errors.badInput(ctx, 'complete', 'error.esfExportNothingNew');
      const created = ctx.em.create(EsfExport, {
        tenant: operation.tenant,
        operation,
        layout: CURRENT_ESF_EXPORT_LAYOUT.version,
        complete: input.complete,
        lineCount: lines.length,
        createdBy: ctx.em.getReference(User, ctx.actor!.userId),
      });
      await ctx.em.flush();
      await insertExportLines(
        ctx.em,
        activeMembership(ctx).tenantId,
        created.id,
        lines.map((line) => ({ pathwayId: line.source.reference, content: line.content, fingerprint: line.fingerprint })),
      );
      return created;
    },
    (id) => ctx.em.findOne(EsfExport, { id }, { populate: ['operation'] }),
  );
}

export async function listExports(ctx: RequestContext, operationId: string): Promise<EsfExport[]> {
  const operation = await findOperation(ctx, 'operationId', operationId);
  return ctx.em.find(EsfExport, { operation }, { populate: ['operation'], orderBy: { createdAt: 'desc' }, limit: 50 });
}

function layoutOf(ctx: RequestContext, recorded: EsfExport): EsfExportLayout {
  const layout = ESF_EXPORT_LAYOUTS[recorded.layout];
  if (!layout) throw errors.badInput(ctx, 'exportId', 'error.esfLayoutUnknown', { layout: recorded.layout });
  return layout;
}

/** The file as it was sent, byte for byte: the layout's header, then its lines; `;`-separated, CRLF, UTF-8 without a byte-order mark (an importer reads its first header as is). */
export async function exportFile(ctx: RequestContext, exportId: string): Promise<{ name: string; content: string }> {
  const recorded = await findExport(ctx, 'id', exportId);
  const lines = await exportedLines(ctx.em, recorded.id);
  const day = recorded.createdAt.toISOString().slice(0, 10);
  return {
    name: `fse-${recorded.operation.fileNumber}-${day}-${recorded.complete ? 'complet' : 'increment'}.csv`,
    content: [csvLine(esfExportHeader(layoutOf(ctx, recorded))), ...lines.map((line) => `${line.content}\r\n`)].join(''),
  };
}

/** Records the authority's answer to an export: the lines it rejected with their reasons, every other line accepted. Once per export. */
async function answer(ctx: RequestContext, recorded: EsfExport, rejections: ReadonlyArray<{ line: number; reason: string }>, errorFileName: string | null) {
  if (recorded.answeredAt) throw errors.badInput(ctx, 'exportId', 'error.esfExportAnswered');
  await recordLineOutcomes(ctx.em, recorded.id, rejections);
  ctx.em.assign(recorded, {
    answeredAt: ctx.now,
    answeredBy: ctx.em.getReference(User, ctx.actor!.userId),
    errorFileName,
    rejectedCount: new Set(rejections.map((r) => r.line)).size,
  });
  await ctx.em.flush();
  return recorded;
}

/** « Aucun rejet »: the authority accepted every line of the export. */
export async function acceptExport(ctx: RequestContext, exportId: string, version: number): Promise<EsfExport> {
  const recorded = await findExport(ctx, 'exportId', exportId);
  if (recorded.version !== version) throw errors.conflict(ctx);
  return answer(ctx, recorded, [], null);
}

/**
 * Imports the error file the authority returned for an export: each rejected line's reason goes
 * to its participant (matched by the identifier the export wrote), every other line is accepted.
 * A file that is not one, of another layout, or naming someone the export did not hold, is
 * refused whole with the reason, and nothing changes.
 */
export async function importErrorFile(ctx: RequestContext, exportId: string, file: UploadedFile | null): Promise<EsfExport> {
  const recorded = await findExport(ctx, 'exportId', exportId);
  if (!file || file.data.length === 0) throw errors.badInput(ctx, 'file', 'error.esfErrorFileMissing');
  if (file.data.length > DOCUMENT_MAX_BYTES) throw errors.badInput(ctx, 'file', 'error.fileTooLarge');
  const layout = layoutOf(ctx, recorded);
  const rows = await readCsvRows(file.data, layout.separator);
  if (!rows.ok) throw errors.badInput(ctx, 'file', 'error.esfErrorFileUnreadable', { line: rows.line });
  const lines = await exportedReferences(ctx.em, recorded.id);
  const read = esfRejections(layout, rows.rows, new Set(lines.keys()));
  if ('problem' in read) {
    const { problem } = read;
    if (problem.kind === 'MISSING_COLUMN') throw errors.badInput(ctx, 'file', 'error.esfErrorFileForeign', { column: problem.column });
    if (problem.kind === 'LINE_INCOMPLETE') throw errors.badInput(ctx, 'file', 'error.esfErrorFileLineIncomplete', { line: problem.line });
    throw errors.badInput(ctx, 'file', 'error.esfErrorFileUnknownLine', { line: problem.line, reference: problem.reference });
  }
  const rejections = read.rejections.map((r) => ({ line: lines.get(r.reference)!, reason: r.reason }));
  return answer(ctx, recorded, rejections, file.fileName.replace(/[^\p{L}\p{N} ._-]/gu, '_').slice(0, 200));
}
