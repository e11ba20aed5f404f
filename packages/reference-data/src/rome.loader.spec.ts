import { describe, expect, it } from 'vitest';
import { closeTradesOf, getTrade, getTradeSheet, isTradeCode, readRomeTables, romeCatalog, romeVersion, searchTrades } from './rome.loader';

// K2204 as France Travail's v460 sheet has it (data/rome/trade_texts.csv, mobility.csv).
const DEFINITION_K2204 = "L'Agent de nettoyage industriel est responsable de la propreté et l'hygiène des locaux industriels et des machines.";
const ACCESS_K2204 =
  "Cet emploi est accessible sans qualification particulière mais un CAP Agent de propreté et d'hygiène est recommandé. Les formations dans le domaine de l'hygiène, de la propreté et de l'environnement peuvent être un atout.";
const CLOSEST_K2204 = 'K2205';

const labels = (query: string, limit?: number) => searchTrades(query, { limit }).map((result) => result.trade.label);

describe('ROME data shipped with the package', () => {
  it('is release v460 with the counts recorded in PROVENANCE.md', () => {
    expect(romeVersion).toBe('v460');
    expect(romeCatalog().counts).toEqual({ trades: 1584, classicFiches: 532, appellations: 13120, domains: 110, families: 14 });
  });

  it('has the close trades and the sheet texts of every code', () => {
    const tables = readRomeTables();
    expect(tables.mobility).toHaveLength(14912);
    expect(tables.trade_texts).toHaveLength(11980);
    for (const trade of romeCatalog().trades()) {
      const sheet = getTradeSheet(trade.code)!;
      expect(sheet.closeTrades.length, trade.code).toBeGreaterThan(0);
      expect(sheet.definition.length, trade.code).toBeGreaterThan(0);
      expect(sheet.access.length, trade.code).toBeGreaterThan(0);
    }
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

describe('getTradeSheet / closeTradesOf', () => {
  it('reads a sheet: what the job is, how one gets in, its close trades closest first', () => {
    const sheet = getTradeSheet(' k2204 ')!;
    expect(sheet).toMatchObject({ code: 'K2204', label: getTrade('K2204')!.label, parentCode: 'K2204' });
    expect(sheet.definition[0]).toBe(DEFINITION_K2204);
    expect(sheet.access[0]).toBe(ACCESS_K2204);
    expect(sheet.closeTrades[0]).toEqual({ code: CLOSEST_K2204, label: getTrade(CLOSEST_K2204)!.label, rank: 1 });
    expect(sheet.closeTrades.map((close) => close.rank)).toEqual([...sheet.closeTrades.map((close) => close.rank)].sort((a, b) => a - b));
    expect(closeTradesOf('K2204')).toEqual(sheet.closeTrades);
  });

  it('says null or nothing for an unknown code', () => {
    expect(getTradeSheet('Z9999')).toBeNull();
    expect(closeTradesOf('Z9999')).toEqual([]);
  });
});
