import { MatchQuality, WordPrefixIndex, foldText, parseQuery, resultLimit } from './text-search';

/**
 * French communes (INSEE's Code officiel géographique, as packaged by Etalab in
 * @etalab/decoupage-administratif). Pure and browser-safe: the data is read by `commune.loader.ts`.
 */

/** An INSEE commune code: five digits, or 2A/2B and three digits in Corsica. */
export const COMMUNE_CODE_PATTERN = /^(?:\d{5}|2[AB]\d{3})$/;

export interface Commune {
  /** INSEE code (« code officiel géographique »), e.g. 38185. Not a postcode. */
  readonly code: string;
  readonly name: string;
  /** La Poste postcodes serving the commune (several for big cities). */
  readonly postcodes: readonly string[];
  readonly departementCode: string;
  readonly regionCode: string;
  /** Legal population (INSEE), null where none is published. */
  readonly population: number | null;
}

export interface Departement {
  readonly code: string;
  readonly name: string;
  readonly regionCode: string;
}

export interface CommuneSearchOptions {
  /** At most this many results (default 20, at most 200). */
  readonly limit?: number;
  /** Only communes of these départements (codes such as « 38 », « 2A », « 974 »). */
  readonly departements?: readonly string[];
}

/** Abbreviations people type for words of commune names; each also matches as typed. */
export const COMMUNE_NAME_ABBREVIATIONS: Readonly<Record<string, readonly string[]>> = {
  st: ['saint'],
  ste: ['sainte'],
  sts: ['saints'],
  stes: ['saintes'],
};

/** The shape of an entry of @etalab/decoupage-administratif's communes.json (the fields used). */
export interface EtalabCommuneRecord {
  readonly code: string;
  readonly nom: string;
  readonly type: string;
  readonly departement: string;
  readonly region: string;
  readonly codesPostaux?: readonly string[];
  readonly population?: number;
}

export interface EtalabDepartementRecord {
  readonly code: string;
  readonly nom: string;
  readonly region: string;
}

/** Communes with lookups and search-as-you-type by name or postcode. */
export class CommuneCatalog {
  /** Index in `list` of each commune, by INSEE code. */
  private readonly byCode = new Map<string, number>();
  private readonly byDepartement = new Map<string, Commune[]>();
  private readonly departementsByCode: Map<string, Departement>;
  private readonly list: Commune[];
  /** Position of each commune (by index in `list`) when sorted by population, largest first, then name. */
  private readonly rank: Int32Array;
  private readonly index: WordPrefixIndex;

  constructor(communes: readonly Commune[], departements: readonly Departement[] = []) {
    this.list = [...communes];
    for (const [index, commune] of this.list.entries()) {
      this.byCode.set(commune.code, index);
      const group = this.byDepartement.get(commune.departementCode);
      if (group) group.push(commune);
      else this.byDepartement.set(commune.departementCode, [commune]);
    }
    this.rank = new Int32Array(this.list.length);
    const order = this.list.map((_, index) => index).sort((a, b) => byPopulationThenName(this.list[a]!, this.list[b]!));
    order.forEach((index, position) => (this.rank[index] = position));
    for (const group of this.byDepartement.values()) group.sort(byPopulationThenName);
    this.departementsByCode = new Map(departements.map((departement) => [departement.code, departement]));
    this.index = new WordPrefixIndex(this.list.map((commune) => ({ text: commune.name, extraWords: commune.postcodes })));
  }

  /**
   * Build from @etalab/decoupage-administratif's records, keeping current communes only
   * (type « commune-actuelle »: no delegated or associated communes, no municipal arrondissements).
   */
  static fromEtalab(records: readonly EtalabCommuneRecord[], departements: readonly EtalabDepartementRecord[] = []): CommuneCatalog {
    const communes = records
      .filter((record) => record.type === 'commune-actuelle')
      .map((record): Commune =>
        Object.freeze({
          code: record.code,
          name: record.nom,
          postcodes: Object.freeze([...(record.codesPostaux ?? [])]),
          departementCode: record.departement,
          regionCode: record.region,
          population: typeof record.population === 'number' ? record.population : null,
        }),
      );
    return new CommuneCatalog(
      communes,
      departements.map((record) => Object.freeze({ code: record.code, name: record.nom, regionCode: record.region })),
    );
  }

  get size(): number {
    return this.list.length;
  }

  /** Every commune, in the source's order. */
  communes(): readonly Commune[] {
    return this.list;
  }

  /** Accepts lower case and surrounding spaces (« 2a004 »). */
  getCommune(inseeCode: string): Commune | null {
    const index = this.byCode.get(inseeCode.trim().toUpperCase());
    return index === undefined ? null : this.list[index]!;
  }

  isCommuneCode(code: string): boolean {
    return this.getCommune(code) !== null;
  }

  /** The communes of a département, most populated first. */
  communesOfDepartement(code: string): readonly Commune[] {
    return this.byDepartement.get(code.trim().toUpperCase()) ?? [];
  }

  getDepartement(code: string): Departement | null {
    return this.departementsByCode.get(code.trim().toUpperCase()) ?? null;
  }

  departements(): Departement[] {
    return [...this.departementsByCode.values()];
  }

  /**
   * Search by name (every word of the query starts a word of the name; case, accents, hyphens and
   * apostrophes ignored; « st »/« ste » stand for « saint »/« sainte ») or by postcode prefix
   * (« 381 »), or both (« 38400 saint »). An exact INSEE code finds its commune. Names equal to or
   * starting with the query first, then the rest; the most populated first within each.
   */
  searchCommunes(query: string, options: CommuneSearchOptions = {}): Commune[] {
    const limit = resultLimit(options.limit, 20);
    const allowed = options.departements ? new Set(options.departements.map((code) => code.trim().toUpperCase())) : null;
    const accept = allowed ? (entry: number) => allowed.has(this.list[entry]!.departementCode) : undefined;

    // Two tiers: names equal to or starting with the query, then names containing its words (or a
    // postcode or INSEE code); the most populated first in each, so « clermont » puts
    // Clermont-Ferrand before the four small Clermont, and « bourg » Bourg-en-Bresse before Bourg.
    const ranked: { entry: number; tier: number }[] = [];
    const code = query.trim().toUpperCase();
    const byCode = COMMUNE_CODE_PATTERN.test(code) ? (this.byCode.get(code) ?? -1) : -1;
    if (byCode !== -1 && (!accept || accept(byCode))) ranked.push({ entry: byCode, tier: 1 });
    for (const hit of this.index.search(parseQuery(query, COMMUNE_NAME_ABBREVIATIONS), accept)) {
      if (hit.entry !== byCode) ranked.push({ entry: hit.entry, tier: hit.quality === MatchQuality.WORDS ? 1 : 0 });
    }
    return ranked
      .sort((a, b) => a.tier - b.tier || this.rank[a.entry]! - this.rank[b.entry]!)
      .slice(0, limit)
      .map(({ entry }) => this.list[entry]!);
  }
}

function byPopulationThenName(a: Commune, b: Commune): number {
  return (b.population ?? -1) - (a.population ?? -1) || foldText(a.name).localeCompare(foldText(b.name)) || a.code.localeCompare(b.code);
}
