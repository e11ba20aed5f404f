import { describe, expect, it } from 'vitest';
import { MatchQuality, WordPrefixIndex, foldText, parseQuery, splitWords } from './text-search';

describe('text normalisation', () => {
  it('ignores case and accents, and spells out ligatures', () => {
    expect(foldText('Éducateur')).toBe('educateur');
    expect(foldText('ŒNOLOGUE')).toBe('oenologue');
    expect(foldText("Saint-Martin-d'Hères")).toBe("saint-martin-d'heres");
  });

  it('cuts words on hyphens, apostrophes (straight or curly), slashes and brackets', () => {
    expect(splitWords('Aide-soignant / Aide-soignante')).toEqual(['aide', 'soignant', 'aide', 'soignante']);
    expect(splitWords('Facteur / Factrice d’instruments à clavier')).toEqual(['facteur', 'factrice', 'd', 'instruments', 'a', 'clavier']);
    expect(splitWords('spécialisé(e)')).toEqual(['specialise', 'e']);
    expect(splitWords('  ')).toEqual([]);
  });
});

describe('word-prefix index', () => {
  const texts = ['Aide-soignant / Aide-soignante', 'Aide à domicile', 'Soignant', "Saint-Martin-d'Hères", 'Educateur sportif'];
  const index = new WordPrefixIndex(texts.map((text) => ({ text })));
  const found = (query: string) => index.search(parseQuery(query)).map((hit) => texts[hit.entry]);

  it('needs every query word to start a word of the text, in any order', () => {
    expect(found('aide soi')).toEqual(['Aide-soignant / Aide-soignante']);
    expect(found('soi aide')).toEqual(['Aide-soignant / Aide-soignante']);
    expect(found('aide')).toEqual(['Aide-soignant / Aide-soignante', 'Aide à domicile']);
    expect(found('ide')).toEqual([]);
  });

  it('finds accented text from an unaccented query and the other way round', () => {
    expect(found('educ')).toEqual(['Educateur sportif']);
    expect(found('éduc')).toEqual(['Educateur sportif']);
    expect(found('heres')).toEqual(["Saint-Martin-d'Hères"]);
  });

  it('also finds a word typed glued to its elided article (« dheres »)', () => {
    expect(found('saint martin dheres')).toEqual(["Saint-Martin-d'Hères"]);
  });

  it('tells an exact match from a prefix from a loose match', () => {
    const quality = (query: string, text: string) => index.search(parseQuery(query)).find((hit) => texts[hit.entry] === text)?.quality;
    expect(quality('soignant', 'Soignant')).toBe(MatchQuality.EXACT);
    expect(quality('aide soi', 'Aide-soignant / Aide-soignante')).toBe(MatchQuality.PREFIX);
    expect(quality('soignant', 'Aide-soignant / Aide-soignante')).toBe(MatchQuality.WORDS);
  });

  it('accepts alternative spellings of a query word', () => {
    const query = parseQuery('st martin', { st: ['saint'] });
    expect(query).toEqual([['st', 'saint'], ['martin']]);
    expect(index.search(query).map((hit) => texts[hit.entry])).toEqual(["Saint-Martin-d'Hères"]);
  });

  it('returns nothing for an empty or punctuation-only query', () => {
    expect(found('')).toEqual([]);
    expect(found(' - / ')).toEqual([]);
  });
});
