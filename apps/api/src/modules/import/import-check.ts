import {
  checkImportLine,
  groupImportLines,
  IMPORT_FIELDS,
  pathwayKeyOf,
  stageKeyOf,
  type ImportCells,
  type ImportField,
  type ImportLine,
  type ImportPerson,
  type ImportProblem,
} from '@jalon/domain';
import type { RequestContext } from '../../context/request-context';
import { activeMembership } from '../../access/tenant-scope';
import { searchKeyOf } from '../participants/participant.validation';
import { tenantLookups, type TenantLookups } from './import-lookups';
import { existingIdentities, importKeysAmong } from './import.query';

/** The column read for each field (absent: not in this source's exports). */
export type ColumnMapping = Partial<Record<ImportField, string>>;

/** What an import already created from this source, by key (`P|…` person, `W|…` pathway, `S|…` stage). */
export type ExistingKeys = Map<string, { participantId: string; pathwayId: string | null }>;

export interface CheckedFile {
  lineCount: number;
  problems: ImportProblem[];
  people: ImportPerson[];
  existing: ExistingKeys;
  lookups: TenantLookups;
  plan: { participants: number; pathways: number; stages: number; unchangedLines: number };
}

export const personKey = (line: Pick<ImportLine, 'externalId'>) => `P|${line.externalId}`;
export const pathwayKey = (line: Pick<ImportLine, 'externalId' | 'referralDate'>) => `W|${pathwayKeyOf(line)}`;
export const stageKey = (line: ImportLine) => `S|${stageKeyOf(line)}`;

/** Each line's cells by field, read from the mapped columns. */
export function mappedCells(headers: readonly string[], rows: readonly string[][], mapping: ColumnMapping): ImportCells[] {
  const indexes = IMPORT_FIELDS.flatMap((field) => {
    const column = mapping[field];
    const index = column === undefined ? -1 : headers.indexOf(column);
    return index >= 0 ? [[field, index] as const] : [];
  });
  return rows.map((row) => Object.fromEntries(indexes.map(([field, index]) => [field, row[index] ?? ''])));
}

/**
 * The dry run: every line checked on its own, then across the file, then against the database
 * (what this source already created, and people already followed under another file). Reads
 * only; the import runs the same check in its own transaction before writing anything.
 */
export async function checkFile(
  ctx: RequestContext,
  source: string,
  headers: readonly string[],
  rows: readonly string[][],
  mapping: ColumnMapping,
): Promise<CheckedFile> {
  const lookups = await tenantLookups(ctx);
  const problems: ImportProblem[] = [];
  const valid: ImportLine[] = [];
  mappedCells(headers, rows, mapping).forEach((cells, index) => {
    const checked = checkImportLine(index + 2, cells, lookups);
    problems.push(...checked.problems);
    if (checked.value) valid.push(checked.value);
  });
  const grouped = groupImportLines(valid);
  problems.push(...grouped.problems);
  const existing = await existingKeys(ctx, source, grouped.people);
  problems.push(...(await duplicatesOfExistingFiles(ctx, grouped.people, existing)));
  problems.sort((a, b) => a.line - b.line || IMPORT_FIELDS.indexOf(a.field) - IMPORT_FIELDS.indexOf(b.field));
  return { lineCount: rows.length, problems, people: grouped.people, existing, lookups, plan: planOf(grouped.people, existing, rows.length) };
}

function planOf(people: ImportPerson[], existing: ExistingKeys, lineCount: number): CheckedFile['plan'] {
  let participants = 0;
  let pathways = 0;
  let stages = 0;
  let changedLines = 0;
  for (const person of people) {
    const newPerson = !existing.has(personKey(person.first));
    if (newPerson) participants++;
    for (const pathway of person.pathways) {
      const newPathway = !existing.has(pathwayKey(pathway.first));
      if (newPathway) pathways++;
      const newStages = pathway.stages.filter((line) => !existing.has(stageKey(line))).length;
      stages += newStages;
      changedLines += newStages + (newPathway && pathway.stages.length === 0 ? 1 : 0);
    }
  }
  return { participants, pathways, stages, unchangedLines: Math.max(0, lineCount - changedLines) };
}

/** The keys of this file that an earlier import from the same source wrote, in one query. */
async function existingKeys(ctx: RequestContext, source: string, people: ImportPerson[]): Promise<ExistingKeys> {
  const keys = people.flatMap((person) => [
    personKey(person.first),
    ...person.pathways.flatMap((pathway) => [pathwayKey(pathway.first), ...pathway.stages.map(stageKey)]),
  ]);
  if (keys.length === 0) return new Map();
  const rows = await importKeysAmong(ctx.em, activeMembership(ctx).tenantId, source, keys);
  return new Map(rows.map((row) => [row.key, { participantId: row.participant_id, pathwayId: row.pathway_id }]));
}

/**
 * People new to this source who already have a file (same name, any case or accent, same birth
 * date), whoever created it: importing them would follow one person twice.
 */
async function duplicatesOfExistingFiles(ctx: RequestContext, people: ImportPerson[], existing: ExistingKeys): Promise<ImportProblem[]> {
  const newcomers = people.filter((person) => !existing.has(personKey(person.first)));
  if (newcomers.length === 0) return [];
  const identities = newcomers.map((person) => ({
    search_key: searchKeyOf(person.first.lastName, person.first.firstName),
    birth_date: person.first.birthDate,
  }));
  const rows = await existingIdentities(ctx.em, activeMembership(ctx).tenantId, identities);
  const found = new Set(rows.map((row) => `${row.search_key}|${row.birth_date}`));
  return newcomers
    .filter((person) => found.has(`${searchKeyOf(person.first.lastName, person.first.firstName)}|${person.first.birthDate}`))
    .map((person) => ({ line: person.first.line, field: 'lastName' as const, code: 'DUPLICATE_EXISTING' as const }));
}
