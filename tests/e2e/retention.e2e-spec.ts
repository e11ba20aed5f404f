import { describe, expect, it } from 'vitest';
import { chromiumAvailable } from './support/browser';
import { browserSuite } from './support/browser-suite';
import { axeViolations } from './support/axe';
import { logIn } from './support/demo-session';

describe.runIf(chromiumAvailable())('the retention of files', () => {
  const suite = browserSuite();

  it('shows Marc the files the next run would archive and anonymise, opens an archived file only with a reason, and erases it on request', async () => {
    const marc = await logIn(suite.browser, suite.server.url, 'marc@grenoble.demo');
    await marc.getByRole('link', { name: 'Conservation des données' }).click();
    await marc.getByRole('heading', { name: 'Règles de conservation' }).waitFor();
    await expect.poll(() => marc.getByText('24 mois').count()).toBeGreaterThan(0);

    await marc.getByTestId('retention-dry-run').click();
    const result = marc.getByTestId('retention-dry-run-result');
    await result.waitFor();
    // The demo's old closed files: closed in 2021–2023, so due for the archive; one archived in 2020, due for anonymisation.
    const toArchive = result.getByRole('table', { name: /à archiver/ });
    for (const name of ['Gérard Aubertin', 'Sylvie Morand', 'Rachid Haddad']) await expect.poll(() => toArchive.getByRole('cell', { name }).count()).toBe(1);
    const toAnonymise = result.getByRole('table', { name: /à anonymiser/ });
    expect(await toAnonymise.getByRole('cell', { name: 'Josiane Perrin' }).count()).toBe(1);
    expect(await axeViolations(marc)).toEqual([]);

    // The file archived long ago: listed, and opened only once a reason is given.
    await marc.getByRole('link', { name: 'Dossiers archivés' }).first().click();
    await marc.getByRole('button', { name: 'Consulter le dossier de Josiane Perrin' }).click();
    const dialog = marc.getByRole('dialog', { name: 'Consulter le dossier de Josiane Perrin' });
    await dialog.getByRole('button', { name: 'Consulter' }).click();
    await dialog.getByText('Ce champ est obligatoire').or(dialog.locator('.field-error')).first().waitFor();
    await dialog.getByLabel('Motif de la consultation').fill('Demande de la personne (droit d’accès)');
    await dialog.getByRole('button', { name: 'Consulter' }).click();
    await marc
      .getByRole('heading', { name: /Josiane Perrin/ })
      .first()
      .waitFor();
    expect(await axeViolations(marc)).toEqual([]);

    // At her request, her file is erased: anonymised at once, recorded among the runs.
    await marc.goBack();
    await marc.getByRole('button', { name: 'Effacer le dossier de Josiane Perrin à sa demande' }).click();
    const erase = marc.getByRole('dialog', { name: 'Effacer le dossier de Josiane Perrin' });
    await erase.getByLabel('Demande de la personne').fill('Courrier reçu le 1er décembre');
    await erase.getByRole('button', { name: 'Effacer définitivement' }).click();
    await marc.getByText('Le dossier de Josiane Perrin est effacé.').waitFor();
    await expect.poll(() => marc.getByText(/^Anonyme /).count()).toBeGreaterThan(0);
  });
});
