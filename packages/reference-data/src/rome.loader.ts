import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseCsv } from './csv';
import { defaultRomeDataDir } from './package-dir';
import {
  ROME_TABLE_COLUMNS,
  RomeCatalog,
  RomeDataError,
  type RomeTableName,
  type RomeTables,
  type CloseTrade,
  type Trade,
  type TradeSheet,
  type TradeSearchOptions,
  type TradeSearchResult,
} from './rome.catalog';

/** Reads the package's ROME files (data/rome/*.csv, PROVENANCE.md). Node-only. */

export const PROVENANCE_FILE = 'PROVENANCE.md';
const RELEASE_LINE = /^Release: (v\d+)\b.*$/m;

/** The France Travail release recorded in PROVENANCE.md's « Release: » line, e.g. « v460 ». */
export function readRomeRelease(dir: string = defaultRomeDataDir()): string {
  const text = readFileSync(join(dir, PROVENANCE_FILE), 'utf8');
  const match = RELEASE_LINE.exec(text);
  if (!match) throw new Error(`${join(dir, PROVENANCE_FILE)} has no « Release: vNNN » line`);
  return match[1]!;
}

/** The seven CSV files as rows; problems with files, columns or CSV syntax are thrown together. */
export function readRomeTables(dir: string = defaultRomeDataDir()): RomeTables {
  const problems: string[] = [];
  const tables: Partial<Record<RomeTableName, Record<string, string>[]>> = {};
  for (const name of Object.keys(ROME_TABLE_COLUMNS) as RomeTableName[]) {
    const file = `${name}.csv`;
    let text: string;
    try {
      text = readFileSync(join(dir, file), 'utf8');
    } catch (error) {
      problems.push(`${file}: cannot be read (${(error as Error).message})`);
      continue;
    }
    const table = parseCsv(text, { delimiter: ',' });
    const missing = ROME_TABLE_COLUMNS[name].filter((column) => !table.columns.includes(column));
    if (missing.length > 0) problems.push(`${file}: missing columns ${missing.join(', ')}`);
    for (const error of table.errors.slice(0, 5)) problems.push(`${file}, line ${error.line}: ${error.message}`);
    tables[name] = table.records.map((record) => ({ ...record.values }));
  }
  if (problems.length > 0) throw new RomeDataError(`Cannot read the ROME files in ${dir}:`, problems);
  return tables as unknown as RomeTables;
}

/** Load a catalog from a folder of ROME files (the package's own by default). */
export function loadRomeCatalog(dir: string = defaultRomeDataDir()): RomeCatalog {
  return new RomeCatalog(readRomeTables(dir), readRomeRelease(dir));
}

let shared: RomeCatalog | undefined;

/** The package's catalog, loaded on first use and kept. */
export function romeCatalog(): RomeCatalog {
  shared ??= loadRomeCatalog();
  return shared;
}

/** The France Travail release of the shipped files, e.g. « v460 » (read from PROVENANCE.md). */
export const romeVersion: string = readRomeRelease();

export function getTrade(code: string): Trade | null {
  return romeCatalog().getTrade(code);
}

export function isTradeCode(code: string): boolean {
  return romeCatalog().isTradeCode(code);
}

export function searchTrades(query: string, options?: TradeSearchOptions): TradeSearchResult[] {
  return romeCatalog().searchTrades(query, options);
}

export function getTradeSheet(code: string): TradeSheet | null {
  return romeCatalog().getTradeSheet(code);
}

export function closeTradesOf(code: string): readonly CloseTrade[] {
  return romeCatalog().closeTradesOf(code);
}
