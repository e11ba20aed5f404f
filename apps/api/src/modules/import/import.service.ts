import { createHash } from 'node:crypto';
import { guessMapping, IMPORT_FIELDS, REQUIRED_IMPORT_FIELDS, type ImportField, type ImportProblem } from '@jalon/domain';
import type { RequestContext } from '../../context/request-context';
import { activeMembership } from '../../access/tenant-scope';
import { errors, InputProblems, UserFacingError } from '../../graphql/errors';
import { parseGlobalId } from '../../graphql/relay';
import { translate, type MessageKey } from '../../i18n/messages';
import { Tenant } from '../tenancy/tenant.entity';
import { User } from '../users/user.entity';
import type { UploadedFile } from '../documents/uploaded-file';
import { checkFile, type CheckedFile, type ColumnMapping } from './import-check';
import { ImportFile, ImportMapping } from './import-file.entity';
import { readImportFile } from './import-file-reader';
import type { ImportMappingInput } from './import.inputs';
import { ImportFileType, type ImportCheckType, type ImportProgressType } from './import.type';
import { writeImport } from './import-writer';
import { lockForTransaction } from '../../db/advisory-lock';

const UNREADABLE: Record<'unreadable' | 'empty' | 'tooLarge', MessageKey> = {
  unreadable: 'import.fileUnreadable',
  empty: 'import.fileEmpty',
  tooLarge: 'import.fileTooLarge',
};

/** Keeps an uploaded export (CSV or XLSX), read into headers and lines, for the mapping and the dry run. */
export async function uploadImportFile(ctx: RequestContext, file: UploadedFile | null): Promise<ImportFile> {
  if (!file || file.data.length === 0) throw errors.badInput(ctx, 'file', 'import.fileEmpty');
  const read = await readImportFile(file.data);
  if (!read.ok) throw errors.badInput(ctx, 'file', UNREADABLE[read.reason]);
  const uploaded = ctx.em.create(ImportFile, {
    tenant: ctx.em.getReference(Tenant, activeMembership(ctx).tenantId),
    author: ctx.em.getReference(User, ctx.actor!.userId),
    fileName: file.fileName.replace(/[^\p{L}\p{N} ._-]/gu, '_').slice(0, 200) || 'import.csv',
    sha256: createHash('sha256').update(file.data).digest('hex'),
    headers: read.headers,
    rows: read.rows,
    rowCount: read.rows.length,
  });
  await ctx.em.flush();
  return uploaded;
}

async function findFile(ctx: RequestContext, globalId: string, withRows = false): Promise<ImportFile> {
  const parsed = parseGlobalId(globalId, 'ImportFile');
  const file = parsed && (await ctx.em.findOne(ImportFile, { id: parsed.id }, withRows ? { populate: ['rows'] } : {}));
  if (!file) throw errors.notFound(ctx, 'fileId');
  return file;
}

/** The files sent, latest first (at most `first`), imported or not. */
export function recentFiles(ctx: RequestContext, first: number): Promise<ImportFile[]> {
  return ctx.em.find(ImportFile, {}, { orderBy: { createdAt: 'desc' }, limit: Math.min(Math.max(first, 1), 100) });
}

export function listMappings(ctx: RequestContext): Promise<ImportMapping[]> {
  return ctx.em.find(ImportMapping, {}, { orderBy: { updatedAt: 'desc' } });
}

/**
 * The file with the mapping to propose: the source it was imported as, else the latest saved
 * mapping whose every column is in this file (the same tool's export), else one guessed from its headers.
 */
export async function importFileView(ctx: RequestContext, globalId: string): Promise<ImportFileType> {
  const file = await findFile(ctx, globalId);
  const mappings = await listMappings(ctx);
  const saved =
    mappings.find((m) => m.source === file.source) ?? mappings.find((m) => Object.values(m.columns).every((column) => file.headers.includes(column as string)));
  return ImportFileType.from(file, saved ? { source: saved.source, columns: saved.columns } : { source: null, columns: guessMapping(file.headers) });
}

/** The mapping as asked, checked: a source named, known fields, columns of this file, every required field mapped. */
function checkedMapping(ctx: RequestContext, file: ImportFile, input: ImportMappingInput): { source: string; mapping: ColumnMapping } {
  const problems = new InputProblems(ctx);
  const source = input.source.trim();
  if (!source) problems.add('source', 'import.sourceRequired');
  const mapping: ColumnMapping = {};
  for (const { field, column } of input.columns) {
    if (!(IMPORT_FIELDS as readonly string[]).includes(field)) problems.add(`columns.${field}`, 'error.invalidId');
    else if (!file.headers.includes(column)) problems.add(`columns.${field}`, 'import.columnUnknown', { column });
    else mapping[field as ImportField] = column;
  }
  for (const field of REQUIRED_IMPORT_FIELDS) if (!input.columns.some((c) => c.field === field)) problems.add(`columns.${field}`, 'import.columnRequired');
  problems.throwIfAny();
  return { source, mapping };
}

/** Saves the mapping under its source (one per source: the latest replaces it). */
async function saveMapping(ctx: RequestContext, source: string, columns: ColumnMapping): Promise<void> {
  const existing = await ctx.em.findOne(ImportMapping, { source });
  if (existing) existing.columns = columns;
  else ctx.em.create(ImportMapping, { tenant: ctx.em.getReference(Tenant, activeMembership(ctx).tenantId), source, columns });
  await ctx.em.flush();
}

function problemTypes(ctx: RequestContext, problems: ImportProblem[], mapping: ColumnMapping) {
  return problems.map((p) => ({
    line: p.line,
    field: p.field,
    column: mapping[p.field] ?? null,
    message: translate(ctx.locale, `import.problem.${p.code}` as MessageKey, p.params),
  }));
}

function checkView(ctx: RequestContext, checked: CheckedFile, mapping: ColumnMapping): ImportCheckType {
  return {
    lineCount: checked.lineCount,
    newParticipants: checked.plan.participants,
    newPathways: checked.plan.pathways,
    newStages: checked.plan.stages,
    unchangedLines: checked.plan.unchangedLines,
    problems: problemTypes(ctx, checked.problems, mapping),
  };
}

/** The dry run: saves the mapping for next time, checks every line, writes nothing else. */
export async function checkImport(ctx: RequestContext, input: ImportMappingInput): Promise<ImportCheckType> {
  const file = await findFile(ctx, input.fileId, true);
  const { source, mapping } = checkedMapping(ctx, file, input);
  await saveMapping(ctx, source, mapping);
  return checkView(ctx, await checkFile(ctx, source, file.headers, file.rows, mapping), mapping);
}

/** How far each import running in this process has gone, by file id (a progress bar's figure, nothing to keep). */
const running = new Map<string, ImportProgressType>();

export async function importProgress(ctx: RequestContext, globalId: string): Promise<ImportProgressType | null> {
  const file = await findFile(ctx, globalId);
  return running.get(file.id) ?? null;
}

/**
 * Imports every line or none: the dry run again, in this transaction, and if it refuses any line,
 * BAD_USER_INPUT naming each (`fields`: `line<N>.<field>`) with nothing written; else the rows
 * written in batches. The same lines imported again create nothing (import-check.ts's keys).
 */
export async function runImport(ctx: RequestContext, input: ImportMappingInput): Promise<ImportFileType> {
  const file = await findFile(ctx, input.fileId, true);
  const { source, mapping } = checkedMapping(ctx, file, input);
  // Two imports of one source at once would both find a line new: the second waits, then finds it imported.
  await lockForTransaction(ctx.em, `import:${activeMembership(ctx).tenantId}:${source}`);
  await saveMapping(ctx, source, mapping);
  running.set(file.id, { done: 0, total: 0 });
  try {
    const checked = await checkFile(ctx, source, file.headers, file.rows, mapping);
    if (checked.problems.length > 0) throw refusedLines(ctx, checked.problems, mapping);
    const written = await writeImport(ctx, source, checked, (done, total) => running.set(file.id, { done, total }));
    // Its lines are now in the files they created: the copy is not kept (headers and counts are).
    Object.assign(file, {
      rows: [],
      source,
      importedAt: ctx.now,
      createdParticipants: written.participants,
      createdPathways: written.pathways,
      createdStages: written.stages,
    });
    await ctx.em.flush();
  } finally {
    running.delete(file.id);
  }
  return ImportFileType.from(file, { source, columns: mapping });
}

function refusedLines(ctx: RequestContext, problems: ImportProblem[], mapping: ColumnMapping): UserFacingError {
  const lines = new Set(problems.map((p) => p.line)).size;
  const fields = problemTypes(ctx, problems, mapping).map((p) => ({
    field: `line${p.line}.${p.field}`,
    message: translate(ctx.locale, p.column ? 'import.lineColumnProblem' : 'import.lineProblem', { line: p.line, column: p.column ?? '', message: p.message }),
  }));
  return new UserFacingError('BAD_USER_INPUT', translate(ctx.locale, 'import.linesRefused', { count: lines }), { field: fields[0]!.field, fields });
}
