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

/** An inverted index of words for search-as-you-type over a fixed list of texts. */
export class WordPrefixIndex {
  /** Words of each entry's text, in order (what exact and prefix matches compare against). */
  private readonly textWords: string[][];
  /** Every word an entry can be found by: its text words, joined elisions, extra words. */
  private readonly entryWords: string[][];
  /** Distinct words, sorted, so that every word starting with a prefix is one contiguous run. */
  private readonly sortedWords: string[];
  private readonly postings = new Map<string, number[]>();

  constructor(entries: readonly SearchEntry[]) {
    this.textWords = [];
    this.entryWords = [];
    entries.forEach((entry, index) => {
      const folded = foldText(entry.text);
      const words = splitWords(entry.text);
      const all = [...new Set([...words, ...elidedWords(folded), ...(entry.extraWords ?? []).map(foldText)])];
      this.textWords.push(words);
      this.entryWords.push(all);
      for (const word of all) {
        const list = this.postings.get(word);
        if (list) list.push(index);
        else this.postings.set(word, [index]);
      }
    });
    this.sortedWords = [...this.postings.keys()].sort();
  }

  get size(): number {
    return this.entryWords.length;
  }

  /** Entries in which every query word starts a word, in no particular order (callers rank them). */
  search(query: QueryWords, accept?: (entry: number) => boolean): SearchHit[] {
    if (query.length === 0) return [];
    // Start from the most selective word (the longest spelling is a good guess), check the others per entry.
    const [first, ...others] = [...query].sort((a, b) => longest(b) - longest(a));
    const seen = new Uint8Array(this.entryWords.length);
    const candidates: number[] = [];
    for (const spelling of first!) {
      for (let i = lowerBound(this.sortedWords, spelling); i < this.sortedWords.length; i++) {
        const word = this.sortedWords[i]!;
        if (!word.startsWith(spelling)) break;
        for (const entry of this.postings.get(word)!) {
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
      const words = this.entryWords[entry]!;
      if (others.every((spellings) => spellings.some((spelling) => words.some((word) => word.startsWith(spelling))))) {
        hits.push({ entry, quality: this.quality(entry, query) });
      }
    }
    return hits;
  }

  private quality(entry: number, query: QueryWords): MatchQuality {
    const words = this.textWords[entry]!;
    if (query.length > words.length) return MatchQuality.WORDS;
    const last = query.length - 1;
    for (let i = 0; i < last; i++) {
      if (!query[i]!.includes(words[i]!)) return MatchQuality.WORDS;
    }
    if (query[last]!.includes(words[last]!)) return query.length === words.length ? MatchQuality.EXACT : MatchQuality.PREFIX;
    return query[last]!.some((spelling) => words[last]!.startsWith(spelling)) ? MatchQuality.PREFIX : MatchQuality.WORDS;
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
