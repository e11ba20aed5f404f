import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { isCommuneCode } from './commune.loader';
import { isQpvCode, parseQpvFile } from './qpv-file.parser';

// Fictitious districts in ANCT's format (see __fixtures__/README.md).
const FILE = readFileSync(join(__dirname, '__fixtures__', 'qpv-fictitious.csv'), 'utf8');
const HEADER = 'code_qp;lib_qp;insee_reg;lib_reg;insee_dep;lib_dep;insee_com;lib_com;siren_epci;lib_epci';

describe('parseQpvFile', () => {
  it('reads ANCT districts, including one spanning two communes', () => {
    const { districts } = parseQpvFile(FILE, { isKnownCommune: isCommuneCode });
    expect(districts).toEqual([
      { code: 'QN03898I', name: 'Quartier Fictif du Canal, Est', communeCodes: ['38151', '38421'] },
      { code: 'QN03899M', name: 'Quartier Fictif des Tilleuls', communeCodes: ['38185'] },
      { code: 'QN06399M', name: 'Quartier Fictif des Volcans', communeCodes: ['63113'] },
    ]);
  });

  it('reports each bad line with its line number and keeps the good ones', () => {
    const { errors } = parseQpvFile(FILE, { isKnownCommune: isCommuneCode });
    expect(errors).toEqual([
      { line: 5, message: 'QP063999 est un code de la liste de 2015 ; importez la liste de 2024 (codes du type QN03801M)' },
      { line: 6, message: 'nom du quartier absent; « 6312 » n’est pas un code INSEE de commune (5 caractères, ex. 38185)' },
      { line: 7, message: 'aucune commune actuelle n’a le code INSEE 38999' },
    ]);
  });

  it('checks only the form of commune codes when no commune list is given', () => {
    const { districts, errors } = parseQpvFile(FILE);
    expect(districts.map((district) => district.code)).toEqual(['QN03897M', 'QN03898I', 'QN03899M', 'QN06399M']);
    expect(errors.map((error) => error.line)).toEqual([5, 6]);
  });

  it('accepts a comma-separated file without byte-order mark, with LF line ends', () => {
    const text = [
      'code_qp,lib_qp,insee_com',
      'QN03899M,Quartier Fictif des Tilleuls,38185',
      'QN03898I,"Quartier Fictif du Canal, Est","38151, 38421"',
      '',
    ].join('\n');
    const { districts, errors } = parseQpvFile(text);
    expect(errors).toEqual([]);
    expect(districts.map((district) => [district.code, district.communeCodes])).toEqual([
      ['QN03898I', ['38151', '38421']],
      ['QN03899M', ['38185']],
    ]);
  });

  it('merges a district listed once per commune, and refuses two names for one code', () => {
    const text = [
      HEADER,
      'QN03898I;Quartier Fictif du Canal;84;;38;;38151;;;',
      'QN03898I;Quartier Fictif du Canal;84;;38;;38421;;;',
      'QN03898I;Autre Nom Fictif;84;;38;;38185;;;',
    ].join('\r\n');
    const { districts, errors } = parseQpvFile(text);
    expect(districts).toEqual([{ code: 'QN03898I', name: 'Quartier Fictif du Canal', communeCodes: ['38151', '38421'] }]);
    expect(errors).toEqual([{ line: 4, message: 'QN03898I s’appelle « Quartier Fictif du Canal » ligne 2 et « Autre Nom Fictif » ici' }]);
  });

  it('says which columns are missing', () => {
    expect(parseQpvFile('code;nom_commune\nQN03899M;Grenoble\n').errors).toEqual([
      { line: 1, message: 'Colonnes manquantes : nom du quartier (lib_qp), codes INSEE des communes (insee_com). Colonnes trouvées : code, nom_commune.' },
    ]);
  });

  it('reports an empty file, a file without districts, and lines with too many fields', () => {
    expect(parseQpvFile('\uFEFF').errors).toEqual([{ line: 1, message: 'Le fichier est vide.' }]);
    expect(parseQpvFile(`${HEADER}\r\n`).errors).toEqual([{ line: 1, message: 'Le fichier a une ligne d’en-tête mais aucun quartier.' }]);
    const { districts, errors } = parseQpvFile(`${HEADER}\nQN03899M;Tilleuls (fictif);84;;38;;38185;Grenoble;;;extra\n`);
    expect(districts).toEqual([]);
    expect(errors).toEqual([{ line: 2, message: '10 champs séparés par « ; » attendus, 11 trouvés' }]);
  });

  it('recognises 2024 district codes, Corsica included', () => {
    expect(isQpvCode('QN03801M')).toBe(true);
    expect(isQpvCode('QN97414I')).toBe(true);
    expect(isQpvCode('QN02A01M')).toBe(true);
    expect(isQpvCode('QP038001')).toBe(false);
    expect(isQpvCode('QN0380M')).toBe(false);
  });
});
