import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Papa from 'papaparse';
import { afterEach, describe, expect, it } from 'vitest';
import { RomeImportError, importRomeExport } from './import-rome';
import { defaultRomeDataDir, packageDir } from './package-dir';
import { loadRomeCatalog, loadTradeSheetCatalog, readRomeTables, readTradeSheetTables } from './rome.loader';

const FIXTURE = join(__dirname, '__fixtures__', 'rome-export-v461');
const SHIPPED = defaultRomeDataDir();
const CSV_FILES = ['fiches.csv', 'fiche_parents.csv', 'appellations.csv', 'domains.csv', 'families.csv', 'mobility.csv', 'trade_texts.csv'];

const temporary: string[] = [];
function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'jalon-rome-'));
  temporary.push(dir);
  return dir;
}
afterEach(() => {
  for (const dir of temporary.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** A copy of the package's data folder to import into. */
function targetCopy(): string {
  const dir = tempDir();
  cpSync(SHIPPED, dir, { recursive: true });
  return dir;
}

/** A copy of the fixture export, to break on purpose. */
function exportCopy(): string {
  const dir = tempDir();
  cpSync(FIXTURE, dir, { recursive: true });
  return dir;
}

function snapshot(dir: string): Record<string, string> {
  return Object.fromEntries(readdirSync(dir).map((name) => [name, readFileSync(join(dir, name), 'utf8')]));
}

function importProblems(source: string, target: string): readonly string[] {
  try {
    importRomeExport(source, { targetDir: target });
  } catch (error) {
    expect(error).toBeInstanceOf(RomeImportError);
    return (error as RomeImportError).problems;
  }
  throw new Error('the import was expected to fail');
}

describe('importRomeExport', () => {
  it('rewrites the CSV files and the release line from a France Travail export', () => {
    const target = targetCopy();
    const result = importRomeExport(FIXTURE, { targetDir: target });

    expect(result.release).toBe('v461');
    expect(result.previousRelease).toBe('v460');
    expect(result.counts).toEqual({ trades: 7, classicFiches: 4, appellations: 67, domains: 4, families: 4 });
    expect(readFileSync(join(target, 'fiches.csv'), 'utf8')).toMatch(/^code,label,domain_code\nA1408,Eleveur \/ Eleveuse d'animaux sauvages,A14\n/);
    expect(readFileSync(join(target, 'families.csv'), 'utf8')).toContain('A,"Agriculture et Pêche, Espaces naturels et Espaces verts, Soins aux animaux"\n');

    const provenance = readFileSync(join(target, 'PROVENANCE.md'), 'utf8');
    expect(provenance).toContain('Release: v461 (all files: v461 "26M03" of 17/03/2026)\n');
    expect(provenance).not.toContain('Release: v460');
    expect(provenance).toContain('**Licence.**');

    const catalog = loadRomeCatalog(target);
    expect(catalog.version).toBe('v461');
    expect(catalog.getTrade('K1224')).toMatchObject({ parentCode: 'K1203', domain: { code: 'K12' } });
    expect(catalog.searchTrades('aide soi')[0]?.trade.code).toBe('J1501');
    expect(catalog.getTrade('A1101')).toBeNull();
  });

  it('rewrites the close trades and the texts of the trade sheets', () => {
    const target = targetCopy();
    const result = importRomeExport(FIXTURE, { targetDir: target });

    expect(result.tradeSheetCounts).toEqual({ closeTrades: 13, texts: 23 });
    // Sorted by code then rank, whatever the export's order.
    expect(readFileSync(join(target, 'mobility.csv'), 'utf8')).toMatch(
      /^code,target_code,rank\nA1408,A1426,1\nA1408,K1203,2\nA1426,A1408,1\nJ1501,K1224,1\nJ1501,K1203,2\n/,
    );
    const texts = readFileSync(join(target, 'trade_texts.csv'), 'utf8');
    expect(texts).toMatch(/^code,kind,position,text\nA1408,definition,1,L'Éleveur d'animaux sauvages élève et soigne des animaux/);
    expect(texts).not.toContain("''");
    expect(texts).not.toContain('acces_metier');
    // M1855's access sentence comes first in the export: written after its definition.
    expect(texts.indexOf('M1855,definition,2,')).toBeLessThan(texts.indexOf('M1855,access,1,'));

    const sheets = loadTradeSheetCatalog(target);
    expect(sheets.closeTradesOf('K1224')).toEqual([
      { code: 'K1203', label: 'Educateur technique spécialisé / Educatrice technique spécialisée', rank: 1 },
      { code: 'M1805', label: 'Développeur / Développeuse informatique', rank: 2 },
      { code: 'J1501', label: 'Aide-soignant / Aide-soignante', rank: 3 },
    ]);
    expect(sheets.getTradeSheet('A1408')?.access).toEqual([
      "Cet emploi est accessible avec un diplôme de niveau Bac à Bac +3 dans le domaine de l'agriculture, de l'élevage ou  de gestion d'une exploitation agricole.",
      "Un Certificat de capacité pour l'élevage d'animaux non domestiques, délivré par le Ministère de l'Agriculture ou le Ministère de l'Environnement, est obligatoire pour l'élevage d'animaux sauvages.",
    ]);
    expect(sheets.getTradeSheet('A1426')).toMatchObject({ parentCode: 'A1408', definition: [expect.stringMatching(/^L'Éducateur canin/), expect.any(String)] });
  });

  it('writes back the shipped files byte for byte from an export of the same data', () => {
    const tables = readRomeTables(SHIPPED);
    const parents = new Map(tables.fiche_parents.map((row) => [row.code, row.parent_code]));
    const source = tempDir();
    const write = (name: string, rows: Record<string, string>[]) => writeFileSync(join(source, name), Papa.unparse(rows, { quotes: true, newline: '\n' }));
    write(
      'unix_referentiel_code_rome_v460_utf8.csv',
      tables.fiches.map((row) => ({ code_rome: row.code, code_fiche_metier: '1', libelle_rome: row.label, code_rome_parent: parents.get(row.code)! })),
    );
    write(
      'unix_referentiel_appellation_v460_utf8.csv',
      [...tables.appellations].reverse().map((row) => ({ code_ogr: row.ogr, libelle_appellation_long: row.label, code_rome: row.rome_code })),
    );
    write(
      'unix_domaine_professionnel_v458_utf8.csv',
      tables.domains.map((row) => ({ code_domaine_professionnel: row.code, libelle_domaine_professionnel: row.label })),
    );
    write(
      'unix_grand_domaine_v458_utf8.csv',
      tables.families.map((row) => ({ code_grand_domaine: row.letter, libelle_grand_domaine: row.label })),
    );
    const sheets = readTradeSheetTables(SHIPPED);
    write(
      'unix_rubrique_mobilite_v460_utf8.csv',
      [...sheets.mobility].reverse().map((row) => ({ code_rome: row.code, code_rome_cible: row.target_code, numero_ordre: row.rank })),
    );
    write(
      'unix_texte_v460_utf8.csv',
      [...sheets.trade_texts].reverse().map((row) => ({
        code_rome: row.code,
        code_compo_bloc: row.kind === 'access' ? '4' : '3',
        libelle_type_texte: row.kind === 'access' ? 'acces_metier' : 'definition',
        position_phrase: row.position,
        libelle_texte: row.text.replaceAll("'", "''"),
      })),
    );

    const target = targetCopy();
    const result = importRomeExport(source, { targetDir: target });
    expect(result.releaseLine).toBe(
      'Release: v460 (fiches.csv, fiche_parents.csv, appellations.csv, mobility.csv, trade_texts.csv: v460; domains.csv: v458; families.csv: v458)',
    );
    for (const file of CSV_FILES) expect(readFileSync(join(target, file), 'utf8'), file).toBe(readFileSync(join(SHIPPED, file), 'utf8'));
  });

  it('refuses an inconsistent export, lists every problem and changes nothing', () => {
    const source = exportCopy();
    const codes = join(source, 'unix_referentiel_code_rome_v461_utf8.csv');
    // A malformed code, and K1203 (a classic fiche) given a parent that does not exist.
    writeFileSync(
      codes,
      readFileSync(codes, 'utf8')
        .replace('"M1855"', '"M18-55"')
        .replace(/"K1203"\n/, '"K9999"\n'),
    );
    const appellations = join(source, 'unix_referentiel_appellation_v461_utf8.csv');
    writeFileSync(
      appellations,
      readFileSync(appellations, 'utf8')
        .replace('"10891"', '"10892"')
        .replace(/"J1501","Emploi Blanc"/, '"J1599","Emploi Blanc"'),
    );

    const target = targetCopy();
    const before = snapshot(target);
    const problems = importProblems(source, target);
    expect(problems).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^fiches: codes must match .*"M18-55"/),
        'fiche_parents: parent not in fiches: K1203 → K9999',
        'fiche_parents: a parent must be its own parent (a classic fiche): K1224 → K1203 → K9999',
        'appellations: repeated OGR codes: 10892',
        expect.stringMatching(/^appellations: ROME code not in fiches: 10892 \(J1599\), 14156 \(M1855\)/),
      ]),
    );
    expect(snapshot(target)).toEqual(before);
  });

  it('refuses close trades and texts that do not fit the codes, lists every problem and changes nothing', () => {
    const source = exportCopy();
    const mobility = join(source, 'unix_rubrique_mobilite_v461_utf8.csv');
    writeFileSync(
      mobility,
      readFileSync(mobility, 'utf8').replace('"K1224","M1805","2"', '"K1224","K9999","2"').replace('"M1855","M1805","1"', '"M1855","M1805","2"') +
        '"A1101","A1408","1"\n',
    );
    const texts = join(source, 'unix_texte_v461_utf8.csv');
    writeFileSync(
      texts,
      readFileSync(texts, 'utf8').replace(/^"J1501","4","acces_metier".*\n/m, '') +
        '"M1805","3","definition","8",""\n' +
        '"M1805","5","contexte","1","Travail en équipe."\n',
    );

    const target = targetCopy();
    const before = snapshot(target);
    expect(importProblems(source, target)).toEqual([
      'unix_texte_v461_utf8.csv: unknown libelle_type_texte "contexte" (known: definition, acces_metier)',
      'mobility: code not in fiches: A1101 → A1408',
      'mobility: target code not in fiches: K1224 → K9999',
      'mobility: repeated ranks: M1855 rank 2',
      'trade_texts: empty texts: M1805 definition 8',
      'trade_texts: codes without an access text: J1501',
    ]);
    expect(snapshot(target)).toEqual(before);
  });

  it('refuses a code without a definition', () => {
    const source = exportCopy();
    const texts = join(source, 'unix_texte_v461_utf8.csv');
    writeFileSync(texts, readFileSync(texts, 'utf8').replace(/^"K1203","3","definition".*\n/gm, ''));
    expect(importProblems(source, targetCopy())).toEqual(['trade_texts: codes without a definition text: K1203']);
  });

  it('says which trade-sheet file or column is missing', () => {
    const source = exportCopy();
    rmSync(join(source, 'unix_rubrique_mobilite_v461_utf8.csv'));
    const texts = join(source, 'unix_texte_v461_utf8.csv');
    writeFileSync(texts, readFileSync(texts, 'utf8').replace('"libelle_texte"', '"texte"'));
    expect(importProblems(source, targetCopy())).toEqual([
      'no unix_rubrique_mobilite_v*_utf8.csv file',
      expect.stringMatching(
        /^unix_texte_v461_utf8\.csv: missing columns libelle_texte \(found: code_rome, code_compo_bloc, libelle_type_texte, position_phrase, texte\)$/,
      ),
    ]);
  });

  it('refuses trade-sheet files of another release than the codes', () => {
    const source = exportCopy();
    renameSync(join(source, 'unix_texte_v461_utf8.csv'), join(source, 'unix_texte_v460_utf8.csv'));
    expect(importProblems(source, targetCopy())).toEqual(['the codes file is v461 but the texts file is v460: use files of one release']);
  });

  it('says which file or column is missing', () => {
    const source = exportCopy();
    rmSync(join(source, 'unix_grand_domaine_v461_utf8.csv'));
    const domains = join(source, 'unix_domaine_professionnel_v461_utf8.csv');
    writeFileSync(domains, readFileSync(domains, 'utf8').replace('libelle_domaine_professionnel', 'libelle'));
    expect(importProblems(source, targetCopy())).toEqual([
      expect.stringMatching(/^unix_domaine_professionnel_v461_utf8\.csv: missing columns libelle_domaine_professionnel/),
      'no unix_grand_domaine_v*_utf8.csv file',
    ]);
  });

  it('refuses codes and job titles of different releases', () => {
    const source = exportCopy();
    renameSync(join(source, 'unix_referentiel_appellation_v461_utf8.csv'), join(source, 'unix_referentiel_appellation_v460_utf8.csv'));
    expect(importProblems(source, targetCopy())).toEqual(['the codes file is v461 but the job titles file is v460: use files of one release']);
  });

  it('refuses to go back to an older release unless asked', () => {
    const target = targetCopy();
    importRomeExport(FIXTURE, { targetDir: target });
    const older = exportCopy();
    for (const name of readdirSync(older).filter((name) => name.includes('v461'))) renameSync(join(older, name), join(older, name.replace('v461', 'v459')));
    writeFileSync(join(older, 'version.txt'), 'Numero de version : 59\n');

    expect(importProblems(older, target)).toEqual(['the export is v459, older than v461 in place (pass --allow-older to go back)']);
    expect(importRomeExport(older, { targetDir: target, allowOlder: true }).release).toBe('v459');
  });
});

describe('import-rome command', () => {
  const run = (...args: string[]) => {
    try {
      const stdout = execFileSync(process.execPath, ['-r', '@swc-node/register', 'src/import-rome.ts', ...args], {
        cwd: packageDir(),
        encoding: 'utf8',
        stdio: 'pipe',
      });
      return { code: 0, stdout, stderr: '' };
    } catch (error) {
      const failure = error as { status: number; stdout: string; stderr: string };
      return { code: failure.status, stdout: failure.stdout, stderr: failure.stderr };
    }
  };

  it('imports a folder and reports what it wrote', () => {
    const target = targetCopy();
    const result = run(FIXTURE, '--target', target);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('ROME v461 imported (was v460): 7 codes rolling up to 4 classic fiches, 67 job titles');
    expect(result.stdout).toContain('13 close trades, 23 text sentences');
    expect(readFileSync(join(target, 'PROVENANCE.md'), 'utf8')).toContain('Release: v461');
  }, 30_000);

  it('exits with an error listing the problems', () => {
    const result = run(tempDir(), '--target', targetCopy());
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('was not imported (nothing was changed)');
    expect(result.stderr).toContain('no unix_referentiel_code_rome_v*_utf8.csv file');
  }, 30_000);
});
