/**
 * The one text normalisation and word-prefix search shared by the trade and commune searches.
 * Browser-safe: no I/O, no Node built-ins.
 *
 * Rules: case- and accent-insensitive (« educateur » finds « Éducateur », « oe » finds « Œ »),
 * words are split on anything that is not a letter or a digit (hyphens, apostrophes, slashes,
 * brackets), and every word of the query must match the start of a word of the text.
 */

/** Lower-case, accents stripped, ligatures expanded; punctuation is kept. */
export function foldText(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/œ/g, 'oe')
    .replace(/æ/g, 'ae')
    .replace(/ß/g, 'ss');
}

/** The words of a text, folded, in order. */
export function splitWords(text: string): string[] {
  return foldText(text)
    .split(/[^\p{L}\p{N}]+/u)
    .filter((word) => word !== '');
}

// « Saint-Martin-d'Hères » is often typed « dheres », « L'Isle-d'Abeau » « lisle »: index the joined form too.
const ELISION = /(?<![\p{L}\p{N}])(qu|[cdjlmnst])['’](\p{L}[\p{L}\p{N}]*)/gu;

function elidedWords(folded: string): string[] {
  return Array.from(folded.matchAll(ELISION), (match) => `${match[1]}${match[2]}`);
}

/** How well an entry matched a query; lower is better. */
export enum MatchQuality {
  /** The words of the text are the words of the query. */
  EXACT = 0,
  /** The text starts with the query (its last word may be unfinished). */
  PREFIX = 1,
  /** Every query word starts some word of the text, in any order. */
  WORDS = 2,
}

/** A query cut into words; each word lists the spellings accepted for it (e.g. « st » or « saint »). */
export type QueryWords = readonly (readonly string[])[];

/**
 * Cut a query into words. `synonyms` maps a folded query word to other spellings it also stands for
 * (each spelling matched as a prefix, like the word itself).
 */
export function parseQuery(query: string, synonyms: Readonly<Record<string, readonly string[]>> = {}): QueryWords {
  return splitWords(query).map((word) => [word, ...(Object.hasOwn(synonyms, word) ? synonyms[word]! : [])]);
}

/** One searchable text. `extraWords` (e.g. postcodes) can be matched but never make a match exact or prefix. */
export interface SearchEntry {
  readonly text: string;
  readonly extraWords?: readonly string[];
}

export interface SearchHit {
  /** Position of the entry in the array given to the index. */
  readonly entry: number;
  readonly quality: MatchQuality;
}

function lowerBound(sorted: readonly string[], value: string): number {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (sorted[middle]! < value) low = middle + 1;
    else high = middle;
  }
  return low;
}

/** Lists of numbers kept flat: list i is `values[start[i] .. start[i + 1])`. */
interface FlatLists {
  readonly values: Int32Array;
  readonly start: Int32Array;
}

function flatLists(lists: readonly (readonly number[])[]): FlatLists {
  const start = new Int32Array(lists.length + 1);
  lists.forEach((list, i) => (start[i + 1] = start[i]! + list.length));
  const values = new Int32Array(start[lists.length]!);
  lists.forEach((list, i) => values.set(list, start[i]!));
  return { values, start };
}

/**
 * An inverted index of words for search-as-you-type over a fixed list of texts. Kept in typed
 * arrays of word numbers rather than arrays of strings: the catalogs hold 35,000 communes and
 * 11,000 trades for the server's lifetime, and per-entry arrays of words took 17 MB of the
 * communes' 26.
 */
export class WordPrefixIndex {
  /** Distinct words, sorted, so that every word starting with a prefix is one contiguous run; elsewhere a word is its number here. */
  private readonly words: string[];
  /** Words of each entry's text, in order (what exact and prefix matches compare against). */
  private readonly textWords: FlatLists;
  /** Every word an entry can be found by: its text words, joined elisions, extra words. */
  private readonly entryWords: FlatLists;
  /** The entries each word is in, ascending. */
  private readonly postings: FlatLists;

  constructor(entries: readonly SearchEntry[]) {
    const texts: string[][] = [];
    const all: string[][] = [];
    for (const entry of entries) {
      const words = splitWords(entry.text);
      texts.push(words);
      all.push([...new Set([...words, ...elidedWords(foldText(entry.text)), ...(entry.extraWords ?? []).map(foldText)])]);
    }
    this.words = [...new Set(all.flat())].sort();
    const numberOf = new Map(this.words.map((word, i) => [word, i]));
    const numbers = (words: string[]) => words.map((word) => numberOf.get(word)!);
    this.textWords = flatLists(texts.map(numbers));
    this.entryWords = flatLists(all.map(numbers));
    const postings: number[][] = this.words.map(() => []);
    all.forEach((words, entry) => words.forEach((word) => postings[numberOf.get(word)!]!.push(entry)));
    this.postings = flatLists(postings);
  }

  get size(): number {
    return this.entryWords.start.length - 1;
  }

  /** Entries in which every query word starts a word, in no particular order (callers rank them). */
  search(query: QueryWords, accept?: (entry: number) => boolean): SearchHit[] {
    if (query.length === 0) return [];
    // Start from the most selective word (the longest spelling is a good guess), check the others per entry.
    const [first, ...others] = [...query].sort((a, b) => longest(b) - longest(a));
    const seen = new Uint8Array(this.size);
    const candidates: number[] = [];
    const { values, start } = this.postings;
    for (const spelling of first!) {
      for (let word = lowerBound(this.words, spelling); word < this.words.length && this.words[word]!.startsWith(spelling); word++) {
        for (let i = start[word]!; i < start[word + 1]!; i++) {
          const entry = values[i]!;
          if (seen[entry] === 0) {
            seen[entry] = 1;
            candidates.push(entry);
          }
        }
      }
    }
    const hits: SearchHit[] = [];
    for (const entry of candidates) {
      if (accept && !accept(entry)) continue;
      if (others.every((spellings) => spellings.some((spelling) => this.hasWordStarting(entry, spelling)))) {
        hits.push({ entry, quality: this.quality(entry, query) });
      }
    }
    return hits;
  }

  private hasWordStarting(entry: number, spelling: string): boolean {
    const { values, start } = this.entryWords;
    for (let i = start[entry]!; i < start[entry + 1]!; i++) if (this.words[values[i]!]!.startsWith(spelling)) return true;
    return false;
  }

  private quality(entry: number, query: QueryWords): MatchQuality {
    const { values, start } = this.textWords;
    const word = (i: number) => this.words[values[start[entry]! + i]!]!;
    const count = start[entry + 1]! - start[entry]!;
    if (query.length > count) return MatchQuality.WORDS;
    const last = query.length - 1;
    for (let i = 0; i < last; i++) {
      if (!query[i]!.includes(word(i))) return MatchQuality.WORDS;
    }
    if (query[last]!.includes(word(last))) return query.length === count ? MatchQuality.EXACT : MatchQuality.PREFIX;
    return query[last]!.some((spelling) => word(last).startsWith(spelling)) ? MatchQuality.PREFIX : MatchQuality.WORDS;
  }
}

function longest(spellings: readonly string[]): number {
  return Math.max(...spellings.map((spelling) => spelling.length));
}

/** Clamp a caller's `limit` to a sane positive integer. */
export function resultLimit(limit: number | undefined, fallback: number, max = 200): number {
  if (limit === undefined || !Number.isFinite(limit)) return fallback;
  return Math.max(1, Math.min(max, Math.floor(limit)));
}
