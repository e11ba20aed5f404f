import { COMMUNE_CODE_PATTERN } from './commune.catalog';
import { parseCsv } from './csv';
import { foldText } from './text-search';

/**
 * Priority districts of the urban policy (« quartiers prioritaires de la politique de la ville »,
 * QPV). No list ships with the package: the animation team imports ANCT's CSV (« Liste des
 * quartiers prioritaires de la politique de la ville 2024 », data.gouv.fr), whose columns are
 * `code_qp;lib_qp;insee_reg;lib_reg;insee_dep;lib_dep;insee_com;lib_com;siren_epci;lib_epci`.
 * A district can span several communes: `insee_com` then lists them (« 13055;13070 »), and
 * spreadsheet exports wrap codes as formulas (`="38185"`) to keep leading zeros. Browser-safe.
 */

/**
 * A 2024 district code: « QN », the département on three characters (038, 974, 02A), two digits,
 * then a letter (M or I in the published list), e.g. QN03801M.
 */
export const QPV_CODE_PATTERN = /^QN(?:\d{3}|02[AB])\d{2}[A-Z]$/;

/** 2015 list codes (QP038001): no longer in force since 1 January 2024 in mainland France. */
const LEGACY_QPV_CODE_PATTERN = /^QP(?:\d{3}|02[AB])\d{3}$/;

export interface PriorityDistrict {
  readonly code: string;
  readonly name: string;
  /** INSEE codes of the communes the district lies in (one or more). */
  readonly communeCodes: readonly string[];
}

export interface QpvFileProblem {
  /** 1-based line in the file (1 is the header). */
  readonly line: number;
  readonly message: string;
}

export interface QpvFileResult {
  /** Valid districts, by code; lines with problems are left out. */
  readonly districts: readonly PriorityDistrict[];
  readonly errors: readonly QpvFileProblem[];
}

export interface QpvFileOptions {
  /** Check commune codes against a commune list (e.g. `isCommuneCode` from `@jalon/reference-data/node`). */
  readonly isKnownCommune?: (inseeCode: string) => boolean;
}

export function isQpvCode(code: string): boolean {
  return QPV_CODE_PATTERN.test(code);
}

// Column names seen in ANCT and INSEE files, compared without case, accents or punctuation.
const COLUMN_NAMES = {
  code: ['codeqp', 'codeqpv', 'codequartier', 'code'],
  name: ['libqp', 'libqpv', 'nomqp', 'nomqpv', 'libellequartier', 'nomquartier', 'nom', 'libelle'],
  communes: ['inseecom', 'codeinsee', 'codescommunes', 'codecommune', 'codescommune', 'inseecommune', 'depcom', 'codgeo'],
} as const;

function squash(name: string): string {
  return foldText(name).replace(/[^a-z0-9]/g, '');
}

function findColumn(columns: readonly string[], accepted: readonly string[]): string | undefined {
  for (const candidate of accepted) {
    const found = columns.find((column) => squash(column) === candidate);
    if (found !== undefined) return found;
  }
  return undefined;
}

/** `="38185"` (a spreadsheet's way to keep leading zeros) → `38185`; trims. */
function unwrap(value: string): string {
  const trimmed = value.trim();
  const formula = /^="(.*)"$/s.exec(trimmed);
  return (formula ? formula[1]! : trimmed).trim();
}

/**
 * Read ANCT's list of priority districts. Separators `;` or `,`, UTF-8 with or without a byte-order
 * mark. A district listed on several lines (one per commune) is merged. Every problem is reported
 * with its line; valid lines are kept.
 */
export function parseQpvFile(csvText: string, options: QpvFileOptions = {}): QpvFileResult {
  const errors: QpvFileProblem[] = [];
  if (csvText.replace(/^\uFEFF/, '').trim() === '') return { districts: [], errors: [{ line: 1, message: 'Le fichier est vide.' }] };

  const table = parseCsv(csvText);
  const codeColumn = findColumn(table.columns, COLUMN_NAMES.code);
  const nameColumn = findColumn(table.columns, COLUMN_NAMES.name);
  const communesColumn = findColumn(table.columns, COLUMN_NAMES.communes);
  const missing = [
    codeColumn === undefined && 'code du quartier (code_qp)',
    nameColumn === undefined && 'nom du quartier (lib_qp)',
    communesColumn === undefined && 'codes INSEE des communes (insee_com)',
  ].filter((label): label is string => label !== false);
  if (missing.length > 0) {
    return {
      districts: [],
      errors: [{ line: 1, message: `Colonnes manquantes : ${missing.join(', ')}. Colonnes trouvées : ${table.columns.join(', ') || 'aucune'}.` }],
    };
  }

  const linesWithStructureErrors = new Set<number>();
  for (const error of table.errors) {
    errors.push(error);
    linesWithStructureErrors.add(error.line);
  }

  const byCode = new Map<string, { code: string; name: string; communeCodes: Set<string>; line: number }>();
  for (const { line, values } of table.records) {
    if (linesWithStructureErrors.has(line)) continue;
    const code = unwrap(values[codeColumn!]!).toUpperCase();
    const name = unwrap(values[nameColumn!]!);
    const communeCodes = unwrap(values[communesColumn!]!)
      .split(/[\s,;|/]+/)
      .map((value) => unwrap(value).toUpperCase())
      .filter((value) => value !== '');
    const problems: string[] = [];

    if (code === '') problems.push('code du quartier absent');
    else if (LEGACY_QPV_CODE_PATTERN.test(code)) problems.push(`${code} est un code de la liste de 2015 ; importez la liste de 2024 (codes du type QN03801M)`);
    else if (!QPV_CODE_PATTERN.test(code)) problems.push(`le code de quartier « ${code} » n’est pas de la forme QN03801M`);
    if (name === '') problems.push('nom du quartier absent');
    if (communeCodes.length === 0) problems.push('code INSEE de commune absent');
    for (const communeCode of communeCodes) {
      if (!COMMUNE_CODE_PATTERN.test(communeCode)) problems.push(`« ${communeCode} » n’est pas un code INSEE de commune (5 caractères, ex. 38185)`);
      else if (options.isKnownCommune && !options.isKnownCommune(communeCode)) problems.push(`aucune commune actuelle n’a le code INSEE ${communeCode}`);
    }

    const existing = byCode.get(code);
    if (problems.length === 0 && existing && existing.name !== name) {
      problems.push(`${code} s’appelle « ${existing.name} » ligne ${existing.line} et « ${name} » ici`);
    }
    if (problems.length > 0) {
      errors.push({ line, message: problems.join('; ') });
      continue;
    }
    if (existing) for (const communeCode of communeCodes) existing.communeCodes.add(communeCode);
    else byCode.set(code, { code, name, communeCodes: new Set(communeCodes), line });
  }

  if (table.records.length === 0) errors.push({ line: 1, message: 'Le fichier a une ligne d’en-tête mais aucun quartier.' });
  const districts = [...byCode.values()]
    .sort((a, b) => a.code.localeCompare(b.code))
    .map((district) => Object.freeze({ code: district.code, name: district.name, communeCodes: Object.freeze([...district.communeCodes]) }));
  return { districts, errors: errors.sort((a, b) => a.line - b.line) };
}
