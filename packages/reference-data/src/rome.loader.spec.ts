import { describe, expect, it } from 'vitest';
import { TRADE_TEXT_KINDS } from './rome.catalog';
import {
  closeTradesOf,
  getTrade,
  getTradeSheet,
  isTradeCode,
  readTradeSheetTables,
  romeCatalog,
  romeVersion,
  searchTrades,
  tradeSheetCatalog,
} from './rome.loader';

const labels = (query: string, limit?: number) => searchTrades(query, { limit }).map((result) => result.trade.label);

describe('ROME data shipped with the package', () => {
  it('is release v460 with the counts recorded in PROVENANCE.md', () => {
    expect(romeVersion).toBe('v460');
    expect(romeCatalog().counts).toEqual({ trades: 1584, classicFiches: 532, appellations: 13120, domains: 110, families: 14 });
  });

  it('loads once and keeps the catalog', () => {
    expect(romeCatalog()).toBe(romeCatalog());
  });
});

describe('getTrade / isTradeCode', () => {
  it('describes a trade with its classic fiche, domain and family', () => {
    expect(getTrade('M1855')).toEqual({
      code: 'M1855',
      label: 'Développeur / Développeuse web',
      parentCode: 'M1805',
      domain: { code: 'M18', label: "Systèmes d'information et de télécommunication" },
      family: { letter: 'M', label: "Support à l'entreprise" },
    });
    expect(getTrade('J1501')?.parentCode).toBe('J1501');
  });

  it('accepts a code typed in lower case, and says null for unknown codes', () => {
    expect(getTrade(' j1501 ')?.label).toBe('Aide-soignant / Aide-soignante');
    expect(getTrade('Z9999')).toBeNull();
    expect(getTrade('')).toBeNull();
    expect(isTradeCode('K1207')).toBe(true);
    expect(isTradeCode('K120')).toBe(false);
  });

  it('keeps the parent France Travail gives even when it lies in another family', () => {
    // A1206 (landscape designer) rolls up to F1101, a building-trades fiche.
    expect(getTrade('A1206')).toMatchObject({ parentCode: 'F1101', family: { letter: 'A' } });
  });
});

describe('searchTrades', () => {
  it('finds « Aide-soignant / Aide-soignante » from « aide soi »', () => {
    expect(labels('aide soi')[0]).toBe('Aide-soignant / Aide-soignante');
  });

  it('ignores accents and case both ways (« educateur spe », « ÉDUCATEUR SPÉ »)', () => {
    expect(labels('educateur spe')[0]).toBe('Educateur spécialisé / Educatrice spécialisée');
    expect(labels('ÉDUCATEUR SPÉ')).toEqual(labels('educateur spe'));
    expect(labels('oenologue')).toEqual(['Œnologue']);
  });

  it('needs every word to start a word of the label: « ide soignant » finds nothing', () => {
    expect(searchTrades('ide soignant')).toEqual([]);
  });

  it('puts trades whose label starts with the query before those that only contain it', () => {
    const results = labels('soudeur', 50);
    expect(results[0]).toBe('Soudeur / Soudeuse');
    expect(results.indexOf('Soudeur / Soudeuse MIG MAG')).toBeLessThan(results.indexOf('Plasturgiste'));
  });

  it('finds a trade through a job title, and says which title matched', () => {
    const [first] = searchTrades('encadrant chantier insertion');
    expect(first?.trade.code).toBe('K1224');
    expect(first?.matchedAppellation?.label).toBe("Encadrant / Encadrante de chantier d'insertion");
    const [fullStack] = searchTrades('full stack');
    expect(fullStack?.trade.label).toBe('Développeur / Développeuse web');
    expect(fullStack?.matchedAppellation?.label).toBe('Développeur / Développeuse full-stack');
  });

  it('says no title matched when the trade label itself matched', () => {
    const [first] = searchTrades('aide-soignant');
    expect(first?.matchedAppellation).toBeNull();
  });

  it('lists each trade once, however many of its titles match', () => {
    const codes = searchTrades('aide', { limit: 200 }).map((result) => result.trade.code);
    expect(new Set(codes).size).toBe(codes.length);
    expect(codes.filter((code) => code === 'J1501')).toHaveLength(1);
  });

  it('finds trades by code or start of code', () => {
    expect(searchTrades('m1805')[0]?.trade.label).toBe('Développeur / Développeuse informatique');
    expect(searchTrades('K12', { limit: 3 }).map((result) => result.trade.code)).toEqual(['K1201', 'K1202', 'K1203']);
  });

  it('honours the limit, and returns nothing for an empty query', () => {
    expect(searchTrades('a', { limit: 5 })).toHaveLength(5);
    expect(searchTrades('chef')).toHaveLength(20);
    expect(searchTrades('   ')).toEqual([]);
  });
});

describe('trade sheets shipped with the package', () => {
  it('has the counts recorded in PROVENANCE.md: 14,912 close trades and 11,980 text sentences', () => {
    const tables = readTradeSheetTables();
    expect(tables.mobility).toHaveLength(14912);
    expect(tables.trade_texts).toHaveLength(11980);
    expect(tradeSheetCatalog().counts).toEqual({ closeTrades: 14912, texts: 11980 });
  });

  it('gives every one of the 1,584 codes at least one close trade, a definition and an access text', () => {
    const trades = romeCatalog().trades();
    expect(trades).toHaveLength(1584);
    const lacking = trades
      .map((trade) => getTradeSheet(trade.code)!)
      .filter((sheet) => sheet.closeTrades.length === 0 || sheet.definition.length === 0 || sheet.access.length === 0)
      .map((sheet) => sheet.code);
    expect(lacking).toEqual([]);
    expect(new Set(readTradeSheetTables().trade_texts.map((row) => row.kind))).toEqual(new Set(TRADE_TEXT_KINDS));
  });

  it("turned the export's doubled apostrophes back into single ones", () => {
    expect(readTradeSheetTables().trade_texts.filter((row) => row.text.includes("''"))).toEqual([]);
  });

  it('loads once and keeps the sheets', () => {
    expect(tradeSheetCatalog()).toBe(tradeSheetCatalog());
    expect(tradeSheetCatalog().trades).toBe(romeCatalog());
  });
});

describe('getTradeSheet / closeTradesOf', () => {
  it('describes K2204: definition, conditions of access, close trades by rank', () => {
    const sheet = getTradeSheet('K2204')!;
    expect(sheet).toMatchObject({ code: 'K2204', label: 'Agent / Agente de nettoyage industriel', parentCode: null });
    expect(sheet.definition).toHaveLength(6);
    expect(sheet.definition[0]).toBe("L'Agent de nettoyage industriel est responsable de la propreté et l'hygiène des locaux industriels et des machines.");
    expect(sheet.access).toEqual([
      "Cet emploi est accessible sans qualification particulière mais un CAP Agent de propreté et d'hygiène est recommandé. Les formations dans le domaine de l'hygiène, de la propreté et de l'environnement peuvent être un atout.",
    ]);
    expect(sheet.closeTrades[0]).toEqual({ code: 'K2205', label: 'Agent / Agente de propreté de locaux', rank: 1 });
    expect(sheet.closeTrades.map((trade) => trade.code)).toEqual(['K2205', 'K2307', 'K2503', 'K2308', 'N1115', 'H3301', 'I1504', 'H2705']);
  });

  it('gives the classic fiche of a code that rolls up to another', () => {
    expect(getTradeSheet('M1855')).toMatchObject({ parentCode: 'M1805', label: 'Développeur / Développeuse web' });
    expect(getTradeSheet('M1855')?.definition.slice(0, 2)).toEqual([
      'Le Développeur / La Développeuse web, un(e) architecte du numérique qui façonne les sites internet de demain.',
      'Conçoit et développe des architectures web selon les besoins des clients',
    ]);
  });

  it('ranks close trades 1, 2, 3 … for every code', () => {
    const unordered = romeCatalog()
      .trades()
      .filter((trade) => closeTradesOf(trade.code).some((close, i) => close.rank !== i + 1));
    expect(unordered).toEqual([]);
  });

  it('accepts a code typed in lower case, and says undefined / [] for unknown codes', () => {
    expect(getTradeSheet(' k2204 ')?.code).toBe('K2204');
    expect(closeTradesOf('k2204')[0]?.code).toBe('K2205');
    expect(getTradeSheet('Z9999')).toBeUndefined();
    expect(getTradeSheet('')).toBeUndefined();
    expect(closeTradesOf('Z9999')).toEqual([]);
  });
});
