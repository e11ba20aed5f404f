import { MatchQuality, WordPrefixIndex, parseQuery, resultLimit } from './text-search';

/**
 * ROME 4.0, France Travail's job classification: 14 families (A–N) → 110 professional domains
 * (e.g. K12) → codes (« emplois-métiers », e.g. M1855) that roll up to classic fiches (M1805),
 * each with many job titles (« appellations », OGR codes). Pure and browser-safe: the files are read
 * by `rome.loader.ts`.
 */

/** A ROME code: family letter A–N, then four digits. */
export const TRADE_CODE_PATTERN = /^[A-N]\d{4}$/;
export const DOMAIN_CODE_PATTERN = /^[A-N]\d{2}$/;
export const FAMILY_LETTER_PATTERN = /^[A-N]$/;
export const OGR_CODE_PATTERN = /^\d+$/;

export interface TradeFamily {
  readonly letter: string;
  readonly label: string;
}

export interface TradeDomain {
  readonly code: string;
  readonly label: string;
}

export interface Trade {
  readonly code: string;
  readonly label: string;
  /** The classic fiche this code rolls up to (itself for the 532 classic fiches). */
  readonly parentCode: string;
  readonly domain: TradeDomain;
  readonly family: TradeFamily;
}

/** A job title (« appellation ») attached to one ROME code. */
export interface Appellation {
  readonly ogr: string;
  readonly label: string;
  readonly tradeCode: string;
}

export interface TradeSearchResult {
  readonly trade: Trade;
  /** The job title that matched, or null when the trade's own label matched best. */
  readonly matchedAppellation: Appellation | null;
}

export interface TradeSearchOptions {
  /** At most this many results (default 20, at most 200). */
  readonly limit?: number;
}

/** The package's seven CSV files, as rows (columns named as in the files). */
export interface RomeTables {
  readonly fiches: readonly { readonly code: string; readonly label: string; readonly domain_code: string }[];
  readonly fiche_parents: readonly { readonly code: string; readonly parent_code: string }[];
  readonly appellations: readonly { readonly ogr: string; readonly label: string; readonly rome_code: string }[];
  readonly domains: readonly { readonly code: string; readonly label: string }[];
  readonly families: readonly { readonly letter: string; readonly label: string }[];
  /** France Travail's close trades (« mobilités ») of each code, ranked: 1 is the closest. */
  readonly mobility: readonly { readonly code: string; readonly target_code: string; readonly rank: string }[];
  /** Each trade sheet's text, a sentence per position: what the job is, and how one gets in. */
  readonly trade_texts: readonly { readonly code: string; readonly kind: string; readonly position: string; readonly text: string }[];
}

/** The parts of a trade sheet's text: `definition` (what the job is), `access` (diplomas, licences, experience). */
export const TRADE_TEXT_KINDS = ['definition', 'access'] as const;
export type TradeTextKind = (typeof TRADE_TEXT_KINDS)[number];

/** A trade one can move to with the know-how of another; rank 1 is the closest. */
export interface CloseTrade {
  readonly code: string;
  readonly label: string;
  readonly rank: number;
}

/** A ROME trade sheet: what the job is, its conditions of access, and its close trades (closest first). */
export interface TradeSheet {
  readonly code: string;
  readonly label: string;
  readonly parentCode: string;
  readonly definition: readonly string[];
  readonly access: readonly string[];
  readonly closeTrades: readonly CloseTrade[];
}

export type RomeTableName = keyof RomeTables;

/** Columns of each file, in file order. */
export const ROME_TABLE_COLUMNS: { readonly [Name in RomeTableName]: readonly (keyof RomeTables[Name][number])[] } = {
  fiches: ['code', 'label', 'domain_code'],
  fiche_parents: ['code', 'parent_code'],
  appellations: ['ogr', 'label', 'rome_code'],
  domains: ['code', 'label'],
  families: ['letter', 'label'],
  mobility: ['code', 'target_code', 'rank'],
  trade_texts: ['code', 'kind', 'position', 'text'],
};

function duplicates(values: readonly string[]): string[] {
  const seen = new Set<string>();
  const repeated = new Set<string>();
  for (const value of values) (seen.has(value) ? repeated : seen).add(value);
  return [...repeated];
}

/** Everything wrong with a set of tables, as sentences; empty when they are consistent. */
export function findRomeProblems(tables: RomeTables): string[] {
  const problems: string[] = [];
  const list = (values: readonly string[], max = 10) => values.slice(0, max).join(', ') + (values.length > max ? ` … (${values.length} in all)` : '');
  const check = (bad: readonly string[], message: string) => {
    if (bad.length > 0) problems.push(`${message}: ${list(bad)}`);
  };

  for (const name of Object.keys(ROME_TABLE_COLUMNS) as RomeTableName[]) {
    if (tables[name].length === 0) problems.push(`${name}: no rows`);
  }

  const families = new Set(tables.families.map((row) => row.letter));
  check(
    tables.families.filter((row) => !FAMILY_LETTER_PATTERN.test(row.letter)).map((row) => JSON.stringify(row.letter)),
    'families: letters must be A–N',
  );
  check(duplicates(tables.families.map((row) => row.letter)), 'families: repeated letters');
  check(
    tables.families.filter((row) => !row.label.trim()).map((row) => row.letter),
    'families: empty labels',
  );

  const domains = new Set(tables.domains.map((row) => row.code));
  check(
    tables.domains.filter((row) => !DOMAIN_CODE_PATTERN.test(row.code)).map((row) => JSON.stringify(row.code)),
    'domains: codes must look like K12',
  );
  check(duplicates(tables.domains.map((row) => row.code)), 'domains: repeated codes');
  check(
    tables.domains.filter((row) => !row.label.trim()).map((row) => row.code),
    'domains: empty labels',
  );
  check(
    tables.domains.filter((row) => DOMAIN_CODE_PATTERN.test(row.code) && !families.has(row.code[0]!)).map((row) => row.code),
    'domains: family letter not in families',
  );

  const codes = new Set(tables.fiches.map((row) => row.code));
  check(
    tables.fiches.filter((row) => !TRADE_CODE_PATTERN.test(row.code)).map((row) => JSON.stringify(row.code)),
    'fiches: codes must match /^[A-N]\\d{4}$/',
  );
  check(duplicates(tables.fiches.map((row) => row.code)), 'fiches: repeated codes');
  check(
    tables.fiches.filter((row) => !row.label.trim()).map((row) => row.code),
    'fiches: empty labels',
  );
  check(
    tables.fiches.filter((row) => row.domain_code !== row.code.slice(0, 3)).map((row) => `${row.code} (${row.domain_code})`),
    'fiches: domain_code must be the first three characters of the code',
  );
  check(
    tables.fiches.filter((row) => TRADE_CODE_PATTERN.test(row.code) && !domains.has(row.domain_code)).map((row) => `${row.code} (${row.domain_code})`),
    'fiches: domain not in domains',
  );

  const parents = new Map(tables.fiche_parents.map((row) => [row.code, row.parent_code]));
  check(duplicates(tables.fiche_parents.map((row) => row.code)), 'fiche_parents: repeated codes');
  check(
    tables.fiches.filter((row) => !parents.has(row.code)).map((row) => row.code),
    'fiche_parents: codes without a parent',
  );
  check(
    tables.fiche_parents.filter((row) => !codes.has(row.code)).map((row) => row.code),
    'fiche_parents: codes not in fiches',
  );
  check(
    tables.fiche_parents.filter((row) => !codes.has(row.parent_code)).map((row) => `${row.code} → ${row.parent_code}`),
    'fiche_parents: parent not in fiches',
  );
  check(
    tables.fiche_parents
      .filter((row) => codes.has(row.parent_code) && parents.has(row.parent_code) && parents.get(row.parent_code) !== row.parent_code)
      .map((row) => `${row.code} → ${row.parent_code} → ${parents.get(row.parent_code)}`),
    'fiche_parents: a parent must be its own parent (a classic fiche)',
  );

  check(
    tables.appellations.filter((row) => !OGR_CODE_PATTERN.test(row.ogr)).map((row) => JSON.stringify(row.ogr)),
    'appellations: OGR codes must be digits',
  );
  check(duplicates(tables.appellations.map((row) => row.ogr)), 'appellations: repeated OGR codes');
  check(
    tables.appellations.filter((row) => !row.label.trim()).map((row) => row.ogr),
    'appellations: empty labels',
  );
  check(
    tables.appellations.filter((row) => !codes.has(row.rome_code)).map((row) => `${row.ogr} (${row.rome_code})`),
    'appellations: ROME code not in fiches',
  );

  const positive = (value: string) => /^[1-9]\d*$/.test(value);
  check(
    tables.mobility.filter((row) => !codes.has(row.code) || !codes.has(row.target_code)).map((row) => `${row.code} → ${row.target_code}`),
    'mobility: code not in fiches',
  );
  check(
    tables.mobility.filter((row) => !positive(row.rank)).map((row) => `${row.code} → ${row.target_code} (${JSON.stringify(row.rank)})`),
    'mobility: ranks must be whole numbers from 1',
  );
  check(
    tables.mobility.filter((row) => row.code === row.target_code).map((row) => row.code),
    'mobility: a trade is not close to itself',
  );
  check(duplicates(tables.mobility.map((row) => `${row.code} → ${row.target_code}`)), 'mobility: repeated pairs');
  check(
    tables.trade_texts.filter((row) => !codes.has(row.code)).map((row) => row.code),
    'trade_texts: code not in fiches',
  );
  check(
    tables.trade_texts.filter((row) => !(TRADE_TEXT_KINDS as readonly string[]).includes(row.kind)).map((row) => `${row.code} (${JSON.stringify(row.kind)})`),
    `trade_texts: kind must be ${TRADE_TEXT_KINDS.join(' or ')}`,
  );
  check(
    tables.trade_texts.filter((row) => !positive(row.position) || !row.text.trim()).map((row) => `${row.code} ${row.kind} ${row.position}`),
    'trade_texts: positions from 1, and a text each',
  );
  return problems;
}

export class RomeDataError extends Error {
  constructor(
    message: string,
    readonly problems: readonly string[],
  ) {
    super(`${message}\n${problems.map((problem) => `  - ${problem}`).join('\n')}`);
    this.name = 'RomeDataError';
  }
}

export interface RomeCounts {
  readonly trades: number;
  readonly classicFiches: number;
  readonly appellations: number;
  readonly domains: number;
  readonly families: number;
}

// Ranking tiers: the trade's own label before its job titles, exact before prefix before loose.
const TIER = {
  label: { [MatchQuality.EXACT]: 0, [MatchQuality.PREFIX]: 1, [MatchQuality.WORDS]: 4 },
  appellation: { [MatchQuality.EXACT]: 2, [MatchQuality.PREFIX]: 3, [MatchQuality.WORDS]: 5 },
} as const;

interface SearchTarget {
  readonly trade: Trade;
  readonly appellation: Appellation | null;
  readonly label: string;
}

/** ROME trades and job titles, with lookups and search-as-you-type. */
export class RomeCatalog {
  private readonly tradesByCode = new Map<string, Trade>();
  private readonly appellationsByCode = new Map<string, Appellation[]>();
  private readonly targets: SearchTarget[] = [];
  private readonly closeTradesByCode = new Map<string, CloseTrade[]>();
  private readonly textsByCode = new Map<string, Record<TradeTextKind, string[]>>();
  private readonly index: WordPrefixIndex;
  readonly domains: readonly TradeDomain[];
  readonly families: readonly TradeFamily[];
  readonly appellationCount: number;

  /** @throws RomeDataError when the tables are inconsistent (see findRomeProblems). */
  constructor(
    tables: RomeTables,
    /** The France Travail release, e.g. « v460 ». */
    readonly version: string,
  ) {
    const problems = findRomeProblems(tables);
    if (problems.length > 0) throw new RomeDataError('The ROME tables are inconsistent:', problems);

    this.families = tables.families.map((row) => Object.freeze({ letter: row.letter, label: row.label }));
    this.domains = tables.domains.map((row) => Object.freeze({ code: row.code, label: row.label }));
    const families = new Map(this.families.map((family) => [family.letter, family]));
    const domains = new Map(this.domains.map((domain) => [domain.code, domain]));
    const parents = new Map(tables.fiche_parents.map((row) => [row.code, row.parent_code]));

    for (const row of tables.fiches) {
      const trade: Trade = Object.freeze({
        code: row.code,
        label: row.label,
        parentCode: parents.get(row.code)!,
        domain: domains.get(row.domain_code)!,
        family: families.get(row.code[0]!)!,
      });
      this.tradesByCode.set(trade.code, trade);
      this.appellationsByCode.set(trade.code, []);
      this.targets.push({ trade, appellation: null, label: trade.label });
    }
    for (const row of tables.appellations) {
      const appellation: Appellation = Object.freeze({ ogr: row.ogr, label: row.label, tradeCode: row.rome_code });
      this.appellationsByCode.get(appellation.tradeCode)!.push(appellation);
      this.targets.push({ trade: this.tradesByCode.get(appellation.tradeCode)!, appellation, label: appellation.label });
    }
    this.appellationCount = tables.appellations.length;
    for (const row of tables.mobility) {
      const list = this.closeTradesByCode.get(row.code) ?? [];
      list.push(Object.freeze({ code: row.target_code, label: this.tradesByCode.get(row.target_code)!.label, rank: Number(row.rank) }));
      this.closeTradesByCode.set(row.code, list);
    }
    for (const list of this.closeTradesByCode.values()) list.sort((a, b) => a.rank - b.rank || a.code.localeCompare(b.code));
    const byPosition = [...tables.trade_texts].sort((a, b) => Number(a.position) - Number(b.position));
    for (const row of byPosition) {
      const texts = this.textsByCode.get(row.code) ?? { definition: [], access: [] };
      texts[row.kind as TradeTextKind].push(row.text);
      this.textsByCode.set(row.code, texts);
    }
    this.index = new WordPrefixIndex(this.targets.map((target) => ({ text: target.label })));
  }

  get counts(): RomeCounts {
    return {
      trades: this.tradesByCode.size,
      classicFiches: new Set([...this.tradesByCode.values()].map((trade) => trade.parentCode)).size,
      appellations: this.appellationCount,
      domains: this.domains.length,
      families: this.families.length,
    };
  }

  /** Accepts lower case and surrounding spaces (« m1805 »). */
  getTrade(code: string): Trade | null {
    return this.tradesByCode.get(code.trim().toUpperCase()) ?? null;
  }

  isTradeCode(code: string): boolean {
    return this.getTrade(code) !== null;
  }

  /** All trades, in code order. */
  trades(): Trade[] {
    return [...this.tradesByCode.values()];
  }

  /** The close trades of a code, closest first (empty for an unknown code). */
  closeTradesOf(code: string): readonly CloseTrade[] {
    return this.closeTradesByCode.get(code.trim().toUpperCase()) ?? [];
  }

  /** The trade sheet of a code, or null for an unknown code. */
  getTradeSheet(code: string): TradeSheet | null {
    const trade = this.getTrade(code);
    if (!trade) return null;
    const texts = this.textsByCode.get(trade.code);
    return {
      code: trade.code,
      label: trade.label,
      parentCode: trade.parentCode,
      definition: texts?.definition ?? [],
      access: texts?.access ?? [],
      closeTrades: this.closeTradesOf(trade.code),
    };
  }

  /** The job titles of one code (empty for an unknown code). */
  appellationsOf(code: string): readonly Appellation[] {
    return this.appellationsByCode.get(code.trim().toUpperCase()) ?? [];
  }

  /**
   * Search-as-you-type over trade labels and job titles (and codes: « M18 » lists M18xx first). Every word of the query must start a word
   * of the label (case and accents ignored). One result per trade code, best first: exact then
   * prefix matches on the trade label, then on a job title, then looser matches; shorter labels
   * first within a rank.
   */
  searchTrades(query: string, options: TradeSearchOptions = {}): TradeSearchResult[] {
    const words = parseQuery(query);
    const best = new Map<string, { target: SearchTarget; tier: number }>();
    // A code or the start of one (« M18 », « m1805 ») lists those codes first.
    const code = query.trim().toUpperCase();
    if (/^[A-N]\d{1,4}$/.test(code)) {
      for (const trade of this.tradesByCode.values()) {
        if (trade.code.startsWith(code)) best.set(trade.code, { target: { trade, appellation: null, label: trade.label }, tier: -1 });
      }
    }
    for (const hit of this.index.search(words)) {
      const target = this.targets[hit.entry]!;
      const tier = (target.appellation ? TIER.appellation : TIER.label)[hit.quality];
      const current = best.get(target.trade.code);
      if (!current || tier < current.tier || (tier === current.tier && target.label.length < current.target.label.length)) {
        best.set(target.trade.code, { target, tier });
      }
    }
    return [...best.values()]
      .sort(
        (a, b) =>
          a.tier - b.tier ||
          (a.tier === -1 ? a.target.trade.code.localeCompare(b.target.trade.code) : 0) ||
          a.target.label.length - b.target.label.length ||
          a.target.label.localeCompare(b.target.label, 'fr'),
      )
      .slice(0, resultLimit(options.limit, 20))
      .map(({ target }) => ({ trade: target.trade, matchedAppellation: target.appellation }));
  }
}
