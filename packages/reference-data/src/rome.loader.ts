import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseCsv } from './csv';
import { defaultRomeDataDir } from './package-dir';
import {
  ROME_TABLE_COLUMNS,
  RomeCatalog,
  RomeDataError,
  TRADE_SHEET_TABLE_COLUMNS,
  TradeSheetCatalog,
  type CloseTrade,
  type RomeTables,
  type Trade,
  type TradeSearchOptions,
  type TradeSearchResult,
  type TradeSheet,
  type TradeSheetTables,
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

/** Read `<name>.csv` for each table of `columns`; problems with files, columns or CSV syntax are thrown together. */
function readCsvTables<Tables>(dir: string, columns: { readonly [Name in keyof Tables]: readonly PropertyKey[] }, what: string): Tables {
  const problems: string[] = [];
  const tables: Record<string, Record<string, string>[]> = {};
  for (const name of Object.keys(columns) as (keyof Tables & string)[]) {
    const file = `${name}.csv`;
    let text: string;
    try {
      text = readFileSync(join(dir, file), 'utf8');
    } catch (error) {
      problems.push(`${file}: cannot be read (${(error as Error).message})`);
      continue;
    }
    const table = parseCsv(text, { delimiter: ',' });
    const missing = (columns[name] as readonly string[]).filter((column) => !table.columns.includes(column));
    if (missing.length > 0) problems.push(`${file}: missing columns ${missing.join(', ')}`);
    for (const error of table.errors.slice(0, 5)) problems.push(`${file}, line ${error.line}: ${error.message}`);
    tables[name] = table.records.map((record) => ({ ...record.values }));
  }
  if (problems.length > 0) throw new RomeDataError(`Cannot read the ${what} in ${dir}:`, problems);
  return tables as unknown as Tables;
}

/** The five CSV files of trades and job titles as rows; problems with files, columns or CSV syntax are thrown together. */
export function readRomeTables(dir: string = defaultRomeDataDir()): RomeTables {
  return readCsvTables<RomeTables>(dir, ROME_TABLE_COLUMNS, 'ROME files');
}

/** The two trade-sheet files (mobility.csv, trade_texts.csv) as rows, checked the same way. */
export function readTradeSheetTables(dir: string = defaultRomeDataDir()): TradeSheetTables {
  return readCsvTables<TradeSheetTables>(dir, TRADE_SHEET_TABLE_COLUMNS, 'ROME trade-sheet files');
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

/** Load the trade sheets of a folder of ROME files (the package's own by default). */
export function loadTradeSheetCatalog(dir: string = defaultRomeDataDir(), trades: RomeCatalog = loadRomeCatalog(dir)): TradeSheetCatalog {
  return new TradeSheetCatalog(trades, readTradeSheetTables(dir));
}

let sharedSheets: TradeSheetCatalog | undefined;

/** The package's trade sheets, loaded on first use (not with the trades: they are 1.8 MB of text) and kept. */
export function tradeSheetCatalog(): TradeSheetCatalog {
  sharedSheets ??= loadTradeSheetCatalog(defaultRomeDataDir(), romeCatalog());
  return sharedSheets;
}

/** A code's definition, conditions of access and close trades; undefined for an unknown code. */
export function getTradeSheet(code: string): TradeSheet | undefined {
  return tradeSheetCatalog().getTradeSheet(code);
}

/** A code's close trades (« mobilités »), the closest (rank 1) first; [] for an unknown code. */
export function closeTradesOf(code: string): readonly CloseTrade[] {
  return tradeSheetCatalog().closeTradesOf(code);
}
