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

/** The package's five CSV files, as rows (columns named as in the files). */
export interface RomeTables {
  readonly fiches: readonly { readonly code: string; readonly label: string; readonly domain_code: string }[];
  readonly fiche_parents: readonly { readonly code: string; readonly parent_code: string }[];
  readonly appellations: readonly { readonly ogr: string; readonly label: string; readonly rome_code: string }[];
  readonly domains: readonly { readonly code: string; readonly label: string }[];
  readonly families: readonly { readonly letter: string; readonly label: string }[];
}

export type RomeTableName = keyof RomeTables;

/** Columns of each file, in file order. */
export const ROME_TABLE_COLUMNS: { readonly [Name in RomeTableName]: readonly (keyof RomeTables[Name][number])[] } = {
  fiches: ['code', 'label', 'domain_code'],
  fiche_parents: ['code', 'parent_code'],
  appellations: ['ogr', 'label', 'rome_code'],
  domains: ['code', 'label'],
  families: ['letter', 'label'],
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
  return problems;
}

/**
 * Trade sheets: France Travail's ranked close trades (« mobilités ») and each code's texts. Kept apart
 * from the five files above so that looking up a trade does not read 1.8 MB of text it does not need.
 */

/** A trade a person can move to with the know-how she already has; rank 1 is the closest. */
export interface CloseTrade {
  readonly code: string;
  readonly label: string;
  readonly rank: number;
}

/** What the trade is, how to get into it, and where to go from it. */
export interface TradeSheet {
  readonly code: string;
  readonly label: string;
  /** The classic fiche this code rolls up to, or null when the code is itself a classic fiche. */
  readonly parentCode: string | null;
  /** What the job is, one sentence per item, in France Travail's order. */
  readonly definition: readonly string[];
  /** The conditions of access to the job (diplomas, certificates, licences, experience), in order. */
  readonly access: readonly string[];
  /** Rank ascending (the closest first). */
  readonly closeTrades: readonly CloseTrade[];
}

/** Values of `trade_texts.csv`'s `kind` column, in file order. */
export const TRADE_TEXT_KINDS = ['definition', 'access'] as const;
export type TradeTextKind = (typeof TRADE_TEXT_KINDS)[number];

/** The package's two trade-sheet CSV files, as rows (columns named as in the files). */
export interface TradeSheetTables {
  readonly mobility: readonly { readonly code: string; readonly target_code: string; readonly rank: string }[];
  readonly trade_texts: readonly { readonly code: string; readonly kind: string; readonly position: string; readonly text: string }[];
}

export type TradeSheetTableName = keyof TradeSheetTables;

/** Columns of each trade-sheet file, in file order. */
export const TRADE_SHEET_TABLE_COLUMNS: { readonly [Name in TradeSheetTableName]: readonly (keyof TradeSheetTables[Name][number])[] } = {
  mobility: ['code', 'target_code', 'rank'],
  trade_texts: ['code', 'kind', 'position', 'text'],
};

/** Ranks and positions: 1, 2, 3 … */
const ORDINAL_PATTERN = /^[1-9]\d*$/;

/**
 * Everything wrong with the trade-sheet tables, as sentences; empty when they are consistent.
 * `codes` are the ROME codes of `fiches.csv`: every code on both sides of a close trade must be one,
 * and every one of them must have a definition and an access text.
 */
export function findTradeSheetProblems(tables: TradeSheetTables, codes: ReadonlySet<string>): string[] {
  const problems: string[] = [];
  const list = (values: readonly string[], max = 10) => values.slice(0, max).join(', ') + (values.length > max ? ` … (${values.length} in all)` : '');
  const check = (bad: readonly string[], message: string) => {
    if (bad.length > 0) problems.push(`${message}: ${list(bad)}`);
  };

  for (const name of Object.keys(TRADE_SHEET_TABLE_COLUMNS) as TradeSheetTableName[]) {
    if (tables[name].length === 0) problems.push(`${name}: no rows`);
  }

  const { mobility, trade_texts: texts } = tables;
  check(
    mobility.filter((row) => !codes.has(row.code)).map((row) => `${row.code} → ${row.target_code}`),
    'mobility: code not in fiches',
  );
  check(
    mobility.filter((row) => !codes.has(row.target_code)).map((row) => `${row.code} → ${row.target_code}`),
    'mobility: target code not in fiches',
  );
  check(
    mobility.filter((row) => row.code === row.target_code).map((row) => row.code),
    'mobility: a code cannot be its own close trade',
  );
  check(
    mobility.filter((row) => !ORDINAL_PATTERN.test(row.rank)).map((row) => `${row.code} → ${row.target_code} (${JSON.stringify(row.rank)})`),
    'mobility: ranks must be whole numbers from 1',
  );
  check(duplicates(mobility.map((row) => `${row.code} → ${row.target_code}`)), 'mobility: repeated close trades');
  check(duplicates(mobility.map((row) => `${row.code} rank ${row.rank}`)), 'mobility: repeated ranks');

  const kinds = new Set<string>(TRADE_TEXT_KINDS);
  check(
    texts.filter((row) => !codes.has(row.code)).map((row) => `${row.code} ${row.kind} ${row.position}`),
    'trade_texts: code not in fiches',
  );
  check(
    [...new Set(texts.filter((row) => !kinds.has(row.kind)).map((row) => JSON.stringify(row.kind)))],
    `trade_texts: kinds must be ${TRADE_TEXT_KINDS.join(' or ')}`,
  );
  check(
    texts.filter((row) => !ORDINAL_PATTERN.test(row.position)).map((row) => `${row.code} ${row.kind} (${JSON.stringify(row.position)})`),
    'trade_texts: positions must be whole numbers from 1',
  );
  check(duplicates(texts.map((row) => `${row.code} ${row.kind} ${row.position}`)), 'trade_texts: repeated positions');
  check(
    texts.filter((row) => !row.text.trim()).map((row) => `${row.code} ${row.kind} ${row.position}`),
    'trade_texts: empty texts',
  );
  for (const kind of TRADE_TEXT_KINDS) {
    const covered = new Set(texts.filter((row) => row.kind === kind && row.text.trim()).map((row) => row.code));
    check(
      [...codes].filter((code) => !covered.has(code)),
      `trade_texts: codes without ${kind === 'access' ? 'an access' : 'a definition'} text`,
    );
  }
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

export interface TradeSheetCounts {
  /** Rows of `mobility.csv`. */
  readonly closeTrades: number;
  /** Rows of `trade_texts.csv` (sentences of definitions and access texts). */
  readonly texts: number;
}

/** Trade sheets of the codes of a ROME catalog: definition, conditions of access, close trades. */
export class TradeSheetCatalog {
  private readonly sheetsByCode = new Map<string, TradeSheet>();
  readonly counts: TradeSheetCounts;

  /** @throws RomeDataError when the tables are inconsistent with each other or with the catalog (see findTradeSheetProblems). */
  constructor(
    readonly trades: RomeCatalog,
    tables: TradeSheetTables,
  ) {
    const codes = new Set(trades.trades().map((trade) => trade.code));
    const problems = findTradeSheetProblems(tables, codes);
    if (problems.length > 0) throw new RomeDataError('The ROME trade-sheet tables are inconsistent:', problems);

    const byOrder = <Row>(rows: Row[], order: (row: Row) => number) => rows.sort((a, b) => order(a) - order(b));
    const group = <Row extends { readonly code: string }>(rows: readonly Row[]) => {
      const groups = new Map<string, Row[]>();
      for (const row of rows) {
        const list = groups.get(row.code);
        if (list) list.push(row);
        else groups.set(row.code, [row]);
      }
      return groups;
    };
    const mobility = group(tables.mobility);
    const texts = group(tables.trade_texts);

    for (const trade of trades.trades()) {
      const closeTrades = byOrder(mobility.get(trade.code) ?? [], (row) => Number(row.rank)).map((row) =>
        Object.freeze({ code: row.target_code, label: trades.getTrade(row.target_code)!.label, rank: Number(row.rank) }),
      );
      const sentences = (kind: TradeTextKind) =>
        Object.freeze(
          byOrder(
            (texts.get(trade.code) ?? []).filter((row) => row.kind === kind),
            (row) => Number(row.position),
          ).map((row) => row.text),
        );
      this.sheetsByCode.set(
        trade.code,
        Object.freeze({
          code: trade.code,
          label: trade.label,
          parentCode: trade.parentCode === trade.code ? null : trade.parentCode,
          definition: sentences('definition'),
          access: sentences('access'),
          closeTrades: Object.freeze(closeTrades),
        }),
      );
    }
    this.counts = { closeTrades: tables.mobility.length, texts: tables.trade_texts.length };
  }

  /** The sheet of one code, or undefined for an unknown code. Accepts lower case and surrounding spaces (« k2204 »). */
  getTradeSheet(code: string): TradeSheet | undefined {
    return this.sheetsByCode.get(code.trim().toUpperCase());
  }

  /** The close trades of one code, the closest first (empty for an unknown code). */
  closeTradesOf(code: string): readonly CloseTrade[] {
    return this.getTradeSheet(code)?.closeTrades ?? [];
  }
}
