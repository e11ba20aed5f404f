import { describe, expect, it } from 'vitest';
import { communeCatalog, communeSource, communesOfDepartement, getCommune, isCommuneCode, searchCommunes } from './commune.loader';

const names = (query: string, options?: Parameters<typeof searchCommunes>[1]) => searchCommunes(query, options).map((commune) => commune.name);

describe('communes from @etalab/decoupage-administratif', () => {
  it('loads the current communes only, once', () => {
    expect(communeCatalog()).toBe(communeCatalog());
    expect(communeCatalog().size).toBeGreaterThan(34_000);
    expect(communeSource().package).toBe('@etalab/decoupage-administratif');
    // Delegated communes and Paris's arrondissements are not communes in force.
    expect(getCommune('75101')).toBeNull();
    expect(getCommune('75056')?.name).toBe('Paris');
  });

  it('describes Grenoble with its postcodes, département, région and population', () => {
    expect(getCommune('38185')).toEqual({
      code: '38185',
      name: 'Grenoble',
      postcodes: ['38000', '38100'],
      departementCode: '38',
      regionCode: '84',
      population: expect.any(Number),
    });
    expect(getCommune('38185')!.population).toBeGreaterThan(100_000);
  });

  it('knows the test communes by INSEE code, and not by postcode', () => {
    expect(getCommune('38151')?.name).toBe('Échirolles');
    expect(getCommune('38421')?.name).toBe("Saint-Martin-d'Hères");
    expect(getCommune('63113')?.name).toBe('Clermont-Ferrand');
    expect(getCommune('63124')?.name).toBe("Cournon-d'Auvergne");
    expect(getCommune('2a004')?.name).toBe('Ajaccio');
    expect(isCommuneCode('38421')).toBe(true);
    expect(isCommuneCode('38000')).toBe(false);
    expect(isCommuneCode('99999')).toBe(false);
  });
});

describe('searchCommunes', () => {
  it('finds a commune from the start of its name, without accents', () => {
    expect(names('echirol')[0]).toBe('Échirolles');
    expect(names('GRENOBLE')[0]).toBe('Grenoble');
  });

  it('understands « st » for « saint » and ignores hyphens and apostrophes', () => {
    expect(names('st martin d heres')[0]).toBe("Saint-Martin-d'Hères");
    expect(names('saint martin dheres')).toEqual(["Saint-Martin-d'Hères"]);
    expect(names('cournon d auvergne')).toEqual(["Cournon-d'Auvergne"]);
  });

  it('puts the most populated first among names starting with the query', () => {
    expect(names('clermont')[0]).toBe('Clermont-Ferrand');
    expect(names('cournon')[0]).toBe("Cournon-d'Auvergne");
    expect(names('paris')[0]).toBe('Paris');
  });

  it('finds communes by postcode or its start, biggest first', () => {
    expect(names('38400')).toContain("Saint-Martin-d'Hères");
    // 38130 is Échirolles's postcode and La Côte-Saint-André's INSEE code: both, biggest first.
    expect(names('38130')).toEqual(['Échirolles', 'La Côte-Saint-André']);
    expect(names('381', { limit: 2 })).toEqual(['Grenoble', 'Échirolles']);
    expect(names('63800 cournon')).toEqual(["Cournon-d'Auvergne"]);
  });

  it('finds a commune by its exact INSEE code too', () => {
    expect(names('63124')).toContain("Cournon-d'Auvergne");
  });

  it('keeps to the départements asked for', () => {
    const inIsere = searchCommunes('saint', { departements: ['38'], limit: 50 });
    expect(inIsere.length).toBe(50);
    expect(inIsere.every((commune) => commune.departementCode === '38')).toBe(true);
    expect(inIsere[0]?.name).toBe("Saint-Martin-d'Hères");
    expect(names('clermont', { departements: ['38', '63'] })).toEqual(['Clermont-Ferrand', 'Monestier-de-Clermont']);
  });

  it('honours the limit and ignores an empty query', () => {
    expect(searchCommunes('saint', { limit: 3 })).toHaveLength(3);
    expect(searchCommunes('')).toEqual([]);
  });
});

describe('communesOfDepartement', () => {
  it('lists a département most populated first', () => {
    const puyDeDome = communesOfDepartement('63');
    expect(puyDeDome[0]?.name).toBe('Clermont-Ferrand');
    expect(puyDeDome.map((commune) => commune.code)).toContain('63124');
    expect(puyDeDome.every((commune) => commune.departementCode === '63')).toBe(true);
    expect(communesOfDepartement('2a').some((commune) => commune.name === 'Ajaccio')).toBe(true);
    expect(communesOfDepartement('00')).toEqual([]);
  });

  it('names the départements', () => {
    expect(communeCatalog().getDepartement('38')).toEqual({ code: '38', name: 'Isère', regionCode: '84' });
  });
});
