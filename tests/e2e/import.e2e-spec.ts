import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { chromiumAvailable } from './support/browser';
import { browserSuite } from './support/browser-suite';
import { axeViolations } from './support/axe';
import { logIn } from './support/demo-session';

/** The export of the previous tool shipped with the demo, and the same with three bad lines. */
const SAMPLE = readFileSync(new URL('../../apps/api/src/modules/import/sample/export-logiciel-precedent.csv', import.meta.url), 'utf8');
function withThreeBadLines(): string {
  const lines = SAMPLE.split('\n');
  lines[2] = lines[2]!.replace('14/03/1979', '31/02/1979'); // line 3: a day that does not exist
  lines[4] = lines[4]!.replace('Savoirs de base', 'Plongée sous-marine'); // line 5: no such stage kind
  lines[8] = lines[8]!.replace('thomas@grenoble.demo', 'inconnu@ailleurs.fr'); // line 9: not a referent of the PLIE
  return lines.join('\n');
}
const file = (content: string) => ({ name: 'export-logiciel-precedent.csv', mimeType: 'text/csv', buffer: Buffer.from(content) });

describe.runIf(chromiumAvailable())('import from another tool', () => {
  const suite = browserSuite();

  it('Marc sends an export, keeps the saved mapping, sees the three bad lines, sends it fixed, imports it and finds the people', async () => {
    const marc = await logIn(suite.browser, suite.server.url, 'marc@grenoble.demo');
    await marc.getByRole('navigation', { name: 'Navigation principale' }).getByRole('link', { name: 'Import de fichiers' }).click();
    // The demo PLIE's saved mapping, and the sample export to try.
    const history = marc.getByRole('region', { name: 'Fichiers envoyés' });
    await history.getByText('Correspondances enregistrées : Logiciel précédent (export ABC).').waitFor();
    await marc.getByRole('link', { name: 'Télécharger un exemple d’export (le format lu)' }).waitFor();
    // A file that is neither a CSV nor a workbook: the API's refusal is said on the input itself.
    const input = marc.getByLabel('Choisir le fichier');
    await input.setInputFiles({ name: 'photo.csv', mimeType: 'text/csv', buffer: Buffer.from([0x50, 0x4b, 0x03, 0x04, 1, 2, 3]) });
    await marc.getByRole('alert').getByText('Fichier illisible : envoyez un CSV (séparateur ; ou ,) ou un classeur XLSX.').waitFor();
    expect(await input.getAttribute('aria-invalid')).toBe('true');
    await input.setInputFiles(file(withThreeBadLines()));

    // The mapping saved for this source is proposed, every column in place.
    const mapping = marc.getByRole('region', { name: '2. La correspondance des colonnes' });
    await mapping.getByText('« export-logiciel-precedent.csv » : 10 lignes lues.').waitFor();
    expect(await mapping.getByLabel('Source (nom de l’ancien logiciel)').inputValue()).toBe('Logiciel précédent (export ABC)');
    expect(await mapping.getByRole('combobox', { name: 'Courriel du référent (obligatoire)' }).inputValue()).toBe('Référent');
    expect(await mapping.getByRole('combobox', { name: "Type d'étape" }).inputValue()).toBe("Type d'étape");
    await mapping.getByRole('button', { name: 'Vérifier toutes les lignes' }).click();

    const report = marc.getByRole('region', { name: '3. Vérification' });
    await report.getByText('3 ligne(s) refusée(s) sur 10 : rien ne sera importé.').waitFor();
    const rows = report.getByRole('row');
    expect(await rows.count()).toBe(4);
    await rows.filter({ hasText: 'Date illisible « 31/02/1979 »' }).getByRole('cell', { name: '3', exact: true }).waitFor();
    await rows.filter({ hasText: "Type d'étape inconnu « Plongée sous-marine »" }).getByRole('cell', { name: '5', exact: true }).waitFor();
    await rows
      .filter({ hasText: "« inconnu@ailleurs.fr » n'est pas l'adresse d'un référent de ce PLIE." })
      .getByRole('cell', { name: '9', exact: true })
      .waitFor();
    await report.getByRole('button', { name: 'Importer' }).waitFor({ state: 'detached' });
    expect(await axeViolations(marc)).toEqual([]);

    // Fixed and sent again: every line valid, then imported.
    await marc.getByLabel('Choisir le fichier').setInputFiles(file(SAMPLE));
    await report.waitFor({ state: 'detached' });
    await mapping.getByRole('button', { name: 'Vérifier toutes les lignes' }).click();
    await report.getByText('Les 10 lignes sont valides.').waitFor();
    await report.getByText('5 nouveaux participants').waitFor();
    await report.getByText('9 nouvelles étapes').waitFor();
    await report.getByRole('button', { name: 'Importer' }).click();
    const done = marc.getByRole('region', { name: 'Import terminé' });
    await done.getByText('Créés : 5 participant(s), 5 parcours, 9 étape(s), chacun avec son historique.').waitFor();

    await history.getByRole('row').filter({ hasText: 'Importé le' }).getByText('5 participant(s), 9 étape(s) créés', { exact: false }).waitFor();
    await done.getByRole('link', { name: 'Voir les participants' }).click();
    await marc.getByRole('searchbox', { name: 'Rechercher un participant' }).fill('Morel');
    await marc
      .getByRole('link', { name: /Morel Sandrine|Sandrine Morel/ })
      .first()
      .waitFor();
  });
});
