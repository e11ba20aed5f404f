import { describe, expect, it } from 'vitest';
import { readSheet } from '@jalon/api/src/testing/list-export-client';
import { chromiumAvailable } from './support/browser';
import { browserSuite } from './support/browser-suite';
import { logIn } from './support/demo-session';
import { downloaded } from './support/download';

describe.runIf(chromiumAvailable())('the animation team exports the caseload it filtered', () => {
  const suite = browserSuite();

  it('downloads the active files as XLSX, with the filter at the top and the people shown on screen', async () => {
    const marc = await logIn(suite.browser, suite.server.url, 'marc@grenoble.demo');
    await marc.goto(`${suite.server.url}/participants?status=ACTIVE`);
    const firstLink = marc.locator('.participant-link').first();
    await firstLink.waitFor();
    const shown = (await marc.locator('.participant-link').allInnerTexts()).map((name) => name.trim());

    await marc.getByRole('button', { name: 'Exporter' }).click();
    const [download] = await Promise.all([marc.waitForEvent('download'), marc.getByRole('menuitem', { name: 'Classeur Excel (XLSX)' }).click()]);
    expect(download.suggestedFilename()).toMatch(/^dossiers-suivis-\d{4}-\d{2}-\d{2}\.xlsx$/);

    const file = await readSheet(await downloaded(download));
    expect(file.heading).toEqual(['Dossiers suivis', 'Statut du parcours Actif']);
    expect(file.labels.slice(0, 2)).toEqual(['Nom', 'Prénom']);
    // Every person on screen, as « Nom Prénom », and only active files.
    expect(file.rows.map((row) => `${row[0]} ${row[1]}`)).toEqual(expect.arrayContaining(shown));
    expect(file.rows.length).toBeGreaterThanOrEqual(shown.length);
    expect(new Set(file.rows.map((row) => row[5]))).toEqual(new Set(['actif']));
  });
});
