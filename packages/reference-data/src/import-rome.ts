import { existsSync, readFileSync, readdirSync, renameSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseCsv, writeCsv, type CsvTable } from './csv';
import { defaultRomeDataDir } from './package-dir';
import {
  ROME_TABLE_COLUMNS,
  RomeCatalog,
  TRADE_SHEET_TABLE_COLUMNS,
  TradeSheetCatalog,
  findRomeProblems,
  findTradeSheetProblems,
  type RomeCounts,
  type RomeTableName,
  type RomeTables,
  type TradeSheetCounts,
  type TradeSheetTableName,
  type TradeSheetTables,
  type TradeTextKind,
} from './rome.catalog';
import { PROVENANCE_FILE, readRomeRelease } from './rome.loader';

/**
 * Import a newer ROME release from France Travail's open-data export into the package's CSV files.
 *
 *   node -r @swc-node/register packages/reference-data/src/import-rome.ts <folder> [--allow-older] [--target <dir>]
 *
 * The folder holds the export's `unix_referentiel_code_rome_vNNN_utf8.csv`,
 * `unix_referentiel_appellation_vNNN_utf8.csv`, `unix_domaine_professionnel_vNNN_utf8.csv`,
 * `unix_grand_domaine_vNNN_utf8.csv`, `unix_rubrique_mobilite_vNNN_utf8.csv`,
 * `unix_texte_vNNN_utf8.csv` (other files are ignored) and optionally `version.txt`.
 * Everything is checked before anything is written; on a problem nothing changes and every problem
 * is listed. Node-only.
 */

/**
 * The export files used, with the columns read from each. The names of the mobility and text files
 * and their columns were read from the v460 files France Travail published, as republished in the
 * public repository tomjoy75/code_rome (commit 5af2888, data/RefRomeCsv/):
 *   unix_rubrique_mobilite_v460_utf8.csv: "code_rome","code_rome_cible","numero_ordre"
 *   unix_texte_v460_utf8.csv: "code_rome","code_compo_bloc","libelle_type_texte","position_phrase","libelle_texte"
 */
const EXPORT_FILES = {
  codes: {
    pattern: /^unix_referentiel_code_rome_v(\d+)_utf8\.csv$/,
    example: 'unix_referentiel_code_rome_v*_utf8.csv',
    columns: ['code_rome', 'libelle_rome', 'code_rome_parent'],
  },
  appellations: {
    pattern: /^unix_referentiel_appellation_v(\d+)_utf8\.csv$/,
    example: 'unix_referentiel_appellation_v*_utf8.csv',
    columns: ['code_ogr', 'libelle_appellation_long', 'code_rome'],
  },
  domains: {
    pattern: /^unix_domaine_professionnel_v(\d+)_utf8\.csv$/,
    example: 'unix_domaine_professionnel_v*_utf8.csv',
    columns: ['code_domaine_professionnel', 'libelle_domaine_professionnel'],
  },
  families: {
    pattern: /^unix_grand_domaine_v(\d+)_utf8\.csv$/,
    example: 'unix_grand_domaine_v*_utf8.csv',
    columns: ['code_grand_domaine', 'libelle_grand_domaine'],
  },
  /** Close trades: one row per (code, target), `numero_ordre` 1 = closest, rows in no useful order. */
  mobility: {
    pattern: /^unix_rubrique_mobilite_v(\d+)_utf8\.csv$/,
    example: 'unix_rubrique_mobilite_v*_utf8.csv',
    columns: ['code_rome', 'code_rome_cible', 'numero_ordre'],
  },
  /** Texts of the trade sheets, one sentence a row; apostrophes are doubled (« L''Agent »). */
  texts: {
    pattern: /^unix_texte_v(\d+)_utf8\.csv$/,
    example: 'unix_texte_v*_utf8.csv',
    columns: ['code_rome', 'libelle_type_texte', 'position_phrase', 'libelle_texte'],
  },
} as const;

/** `libelle_type_texte` of the export → `kind` of trade_texts.csv (v460 has these two, in blocks 3 and 4). */
const EXPORT_TEXT_KINDS: Readonly<Record<string, TradeTextKind>> = {
  definition: 'definition',
  acces_metier: 'access',
};

/** Order of the kinds in trade_texts.csv: the definition, then the access text. */
const KIND_ORDER: Readonly<Record<string, number>> = { definition: 0, access: 1 };

type ExportFile = keyof typeof EXPORT_FILES;

export interface RomeImportOptions {
  /** Where the package's CSV files and PROVENANCE.md are (default: the package's data/rome). */
  readonly targetDir?: string;
  /** Accept a release older than the one in place (refused by default: probably the wrong folder). */
  readonly allowOlder?: boolean;
}

export interface RomeImportResult {
  /** The release now in place, e.g. « v461 ». */
  readonly release: string;
  readonly previousRelease: string | null;
  /** The new « Release: » line of PROVENANCE.md. */
  readonly releaseLine: string;
  readonly counts: RomeCounts;
  readonly tradeSheetCounts: TradeSheetCounts;
}

export class RomeImportError extends Error {
  constructor(
    readonly sourceDir: string,
    readonly problems: readonly string[],
  ) {
    super(`The ROME export in ${sourceDir} was not imported (nothing was changed):\n${problems.map((problem) => `  - ${problem}`).join('\n')}`);
    this.name = 'RomeImportError';
  }
}

interface VersionInfo {
  readonly number: string | null;
  readonly label: string | null;
  readonly published: string | null;
}

/** France Travail's version.txt: « Numero de version : 58 », « Date de publication : 16/12/2024 », « Titre/commentaire : ROME 4.0 version 58 - 24M12 ». */
function readVersionFile(sourceDir: string): VersionInfo | null {
  const file = join(sourceDir, 'version.txt');
  if (!existsSync(file)) return null;
  const text = readFileSync(file, 'utf8');
  return {
    number: /num[eé]ro de version\s*:\s*(\d+)/i.exec(text)?.[1] ?? null,
    label: /titre[^:\n]*:.*?\b(\d{2}M\d{2})\b/i.exec(text)?.[1] ?? null,
    published: /date de publication\s*:\s*(\d{2}\/\d{2}\/\d{4})/i.exec(text)?.[1] ?? null,
  };
}

function releaseNumber(release: string): number {
  return Number(release.replace(/^v/, ''));
}

function byNumericString(a: string, b: string): number {
  return a.length - b.length || (a < b ? -1 : a > b ? 1 : 0);
}

function describeRelease(version: string, info: VersionInfo | null): string {
  // version.txt numbers the export « 60 » where file names say « v460 ».
  if (!info || info.number === null || !version.endsWith(info.number.padStart(2, '0'))) return version;
  return [version, info.label && `"${info.label}"`, info.published && `of ${info.published}`].filter(Boolean).join(' ');
}

/** Check a France Travail export and, when it is sound, rewrite the package's ROME files from it. */
export function importRomeExport(sourceDir: string, options: RomeImportOptions = {}): RomeImportResult {
  const targetDir = options.targetDir ?? defaultRomeDataDir();
  const problems: string[] = [];

  let names: string[] = [];
  try {
    names = readdirSync(sourceDir);
  } catch (error) {
    throw new RomeImportError(sourceDir, [`cannot read the folder (${(error as Error).message})`]);
  }

  const versions: Partial<Record<ExportFile, string>> = {};
  const tables: Partial<Record<ExportFile, CsvTable>> = {};
  const fileNames: Partial<Record<ExportFile, string>> = {};
  for (const [kind, spec] of Object.entries(EXPORT_FILES) as [ExportFile, (typeof EXPORT_FILES)[ExportFile]][]) {
    const found = names.filter((name) => spec.pattern.test(name)).sort();
    if (found.length === 0) {
      problems.push(`no ${spec.example} file`);
      continue;
    }
    if (found.length > 1) {
      problems.push(`several ${spec.example} files (${found.join(', ')}): keep one release only`);
      continue;
    }
    const file = found[0]!;
    versions[kind] = `v${spec.pattern.exec(file)![1]}`;
    const table = parseCsv(readFileSync(join(sourceDir, file), 'utf8'), { delimiter: ',' });
    const missing = spec.columns.filter((column) => !table.columns.includes(column));
    if (missing.length > 0) {
      problems.push(`${file}: missing columns ${missing.join(', ')} (found: ${table.columns.join(', ')})`);
      continue;
    }
    for (const error of table.errors.slice(0, 5)) problems.push(`${file}, line ${error.line}: ${error.message}`);
    if (table.errors.length > 5) problems.push(`${file}: ${table.errors.length - 5} more CSV errors`);
    tables[kind] = table;
    fileNames[kind] = file;
  }

  if (versions.codes && versions.appellations && versions.codes !== versions.appellations) {
    problems.push(`the codes file is ${versions.codes} but the job titles file is ${versions.appellations}: use files of one release`);
  }
  if (versions.codes && versions.mobility && versions.codes !== versions.mobility) {
    problems.push(`the codes file is ${versions.codes} but the mobility file is ${versions.mobility}: use files of one release`);
  }
  if (versions.codes && versions.texts && versions.codes !== versions.texts) {
    problems.push(`the codes file is ${versions.codes} but the texts file is ${versions.texts}: use files of one release`);
  }
  const info = readVersionFile(sourceDir);
  if (info?.number && versions.codes && !versions.codes.endsWith(info.number.padStart(2, '0'))) {
    problems.push(`version.txt describes version ${info.number} but the files are ${versions.codes}`);
  }
  if (problems.length > 0) throw new RomeImportError(sourceDir, problems);

  const value = (record: { values: Readonly<Record<string, string>> }, column: string) => (record.values[column] ?? '').trim();
  const rows: RomeTables = {
    fiches: tables
      .codes!.records.map((record) => ({
        code: value(record, 'code_rome'),
        label: value(record, 'libelle_rome'),
        domain_code: value(record, 'code_rome').slice(0, 3),
      }))
      .sort((a, b) => byNumericString(a.code, b.code)),
    fiche_parents: tables
      .codes!.records.map((record) => ({ code: value(record, 'code_rome'), parent_code: value(record, 'code_rome_parent') }))
      .sort((a, b) => byNumericString(a.code, b.code)),
    appellations: tables
      .appellations!.records.map((record) => ({
        ogr: value(record, 'code_ogr'),
        label: value(record, 'libelle_appellation_long'),
        rome_code: value(record, 'code_rome'),
      }))
      .sort((a, b) => byNumericString(a.ogr, b.ogr)),
    domains: tables
      .domains!.records.map((record) => ({ code: value(record, 'code_domaine_professionnel'), label: value(record, 'libelle_domaine_professionnel') }))
      .sort((a, b) => byNumericString(a.code, b.code)),
    families: tables
      .families!.records.map((record) => ({ letter: value(record, 'code_grand_domaine'), label: value(record, 'libelle_grand_domaine') }))
      .sort((a, b) => byNumericString(a.letter, b.letter)),
  };
  problems.push(...findRomeProblems(rows));

  const unknownKinds = [
    ...new Set(tables.texts!.records.map((record) => value(record, 'libelle_type_texte')).filter((kind) => !Object.hasOwn(EXPORT_TEXT_KINDS, kind))),
  ];
  if (unknownKinds.length > 0) {
    problems.push(
      `${fileNames.texts}: unknown libelle_type_texte ${unknownKinds.map((kind) => JSON.stringify(kind)).join(', ')} (known: ${Object.keys(EXPORT_TEXT_KINDS).join(', ')})`,
    );
  }
  const sheetRows: TradeSheetTables = {
    mobility: tables
      .mobility!.records.map((record) => ({
        code: value(record, 'code_rome'),
        target_code: value(record, 'code_rome_cible'),
        rank: value(record, 'numero_ordre'),
      }))
      .sort((a, b) => byNumericString(a.code, b.code) || byNumericString(a.rank, b.rank) || byNumericString(a.target_code, b.target_code)),
    trade_texts: tables
      .texts!.records.filter((record) => Object.hasOwn(EXPORT_TEXT_KINDS, value(record, 'libelle_type_texte')))
      .map((record) => ({
        code: value(record, 'code_rome'),
        kind: EXPORT_TEXT_KINDS[value(record, 'libelle_type_texte')]!,
        position: value(record, 'position_phrase'),
        // The export doubles apostrophes (an SQL habit): « L''Agent » is « L'Agent ».
        text: value(record, 'libelle_texte').replaceAll("''", "'"),
      }))
      .sort((a, b) => byNumericString(a.code, b.code) || KIND_ORDER[a.kind]! - KIND_ORDER[b.kind]! || byNumericString(a.position, b.position)),
  };
  problems.push(...findTradeSheetProblems(sheetRows, new Set(rows.fiches.map((row) => row.code))));

  const release = versions.codes!;
  const provenancePath = join(targetDir, PROVENANCE_FILE);
  const previousRelease = existsSync(provenancePath) ? readRomeRelease(targetDir) : null;
  if (previousRelease && releaseNumber(release) < releaseNumber(previousRelease) && !options.allowOlder) {
    problems.push(`the export is ${release}, older than ${previousRelease} in place (pass --allow-older to go back)`);
  }
  if (problems.length > 0) throw new RomeImportError(sourceDir, problems);

  const tradeFiles = `fiches.csv, fiche_parents.csv, appellations.csv, mobility.csv, trade_texts.csv: ${describeRelease(release, info)}`;
  const releaseLine =
    versions.domains === release && versions.families === release
      ? `Release: ${release} (all files: ${describeRelease(release, info)})`
      : `Release: ${release} (${tradeFiles}; domains.csv: ${describeRelease(versions.domains!, info)}; families.csv: ${describeRelease(versions.families!, info)})`;
  const provenance = existsSync(provenancePath) ? readFileSync(provenancePath, 'utf8') : `# ROME 4.0 — provenance\n\n${releaseLine}\n`;
  const updatedProvenance = /^Release: .*$/m.test(provenance) ? provenance.replace(/^Release: .*$/m, releaseLine) : `${releaseLine}\n\n${provenance}`;

  // Write everything beside the files first, then swap: a failure midway leaves the old files whole.
  const outputs: [string, string][] = [
    ...(Object.keys(ROME_TABLE_COLUMNS) as RomeTableName[]).map((name): [string, string] => [
      join(targetDir, `${name}.csv`),
      writeCsv(ROME_TABLE_COLUMNS[name] as readonly string[], rows[name] as readonly Readonly<Record<string, string>>[]),
    ]),
    ...(Object.keys(TRADE_SHEET_TABLE_COLUMNS) as TradeSheetTableName[]).map((name): [string, string] => [
      join(targetDir, `${name}.csv`),
      writeCsv(TRADE_SHEET_TABLE_COLUMNS[name] as readonly string[], sheetRows[name] as readonly Readonly<Record<string, string>>[]),
    ]),
    [provenancePath, updatedProvenance],
  ];
  for (const [path, text] of outputs) writeFileSync(`${path}.importing`, text, 'utf8');
  for (const [path] of outputs) renameSync(`${path}.importing`, path);

  const catalog = new RomeCatalog(rows, release);
  return { release, previousRelease, releaseLine, counts: catalog.counts, tradeSheetCounts: new TradeSheetCatalog(catalog, sheetRows).counts };
}

const USAGE = 'Usage: node -r @swc-node/register packages/reference-data/src/import-rome.ts <export folder> [--allow-older] [--target <data folder>]';

function main(args: readonly string[]): number {
  const positional: string[] = [];
  let targetDir: string | undefined;
  let allowOlder = false;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (arg === '--allow-older') allowOlder = true;
    else if (arg === '--target' && args[i + 1]) targetDir = resolve(args[++i]!);
    else if (arg.startsWith('--') || positional.length > 0) {
      console.error(`Unexpected argument ${arg}\n${USAGE}`);
      return 2;
    } else positional.push(arg);
  }
  if (positional.length === 0) {
    console.error(USAGE);
    return 2;
  }
  try {
    const result = importRomeExport(resolve(positional[0]!), { targetDir, allowOlder });
    const { counts } = result;
    console.log(
      `ROME ${result.release} imported (was ${result.previousRelease ?? 'none'}): ${counts.trades} codes rolling up to ${counts.classicFiches} classic fiches, ` +
        `${counts.appellations} job titles, ${counts.domains} domains, ${counts.families} families, ` +
        `${result.tradeSheetCounts.closeTrades} close trades, ${result.tradeSheetCounts.texts} text sentences.\n${result.releaseLine}\n` +
        'Update the counts in data/rome/PROVENANCE.md and src/rome.loader.spec.ts if they changed.',
    );
    return 0;
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    return 1;
  }
}

// Run as a command (CommonJS under @swc-node/register), not when imported.
if (typeof require !== 'undefined' && typeof module !== 'undefined' && require.main === module) {
  process.exitCode = main(process.argv.slice(2));
}
