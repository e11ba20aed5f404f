import ExcelJS from 'exceljs';
import { extractText, getDocumentProxy } from 'unpdf';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { chromiumAvailable } from './support/browser';
import { browserSuite } from './support/browser-suite';
import { axeViolations } from './support/axe';
import { apiSession, logIn } from './support/demo-session';
import { downloaded } from './support/download';

type Report = { activityReport: { tables: { key: string; rows: { key: string; value: number | null; previous: number | null }[] }[] } };
const FOLLOWED = `query($period: ReportPeriodInput, $scope: ReportScopeInput) {
  activityReport(period: $period, scope: $scope) { tables { key rows { key value previous } } }
}`;

/** The « people followed » row as the page shows it: this period's figure and the previous one's. */
async function followedOnPage(page: Page): Promise<string[]> {
  const row = page.getByRole('table', { name: 'Personnes et parcours' }).getByRole('row', { name: /^Personnes suivies/ });
  await row.waitFor();
  return (await row.getByRole('cell').allInnerTexts()).map((text) => text.trim());
}

describe.runIf(chromiumAvailable())('the animation team reads the activity report', () => {
  const suite = browserSuite();

  it('opens last year’s report, then a custom period and a referent, and sees the figures the API counts', async () => {
    const lastYear = new Date().getFullYear() - 1;
    const api = await apiSession(suite.server.url, 'marc@grenoble.demo');
    const marc = await logIn(suite.browser, suite.server.url, 'marc@grenoble.demo');
    await marc.getByRole('link', { name: "Bilan d'activité" }).click();
    await marc.getByRole('heading', { name: "Bilan d'activité", level: 1 }).waitFor();

    await marc.getByLabel('Année').selectOption(String(lastYear));
    await marc.getByText(`Tout le PLIE, ${lastYear}, comparé à ${lastYear - 1}.`).waitFor();
    const whole = await api<Report>(FOLLOWED, { period: { from: `${lastYear}-01-01`, to: `${lastYear}-12-31` } });
    const followed = whole.activityReport.tables.find((t) => t.key === 'people')!.rows.find((r) => r.key === 'followed')!;
    expect(await followedOnPage(marc)).toEqual([String(followed.value), String(followed.previous)]);
    expect(await axeViolations(marc)).toEqual([]);
    // Each chart has its table: the profile by age is there as a table too.
    await marc.getByRole('table', { name: /âge le jour de l’entrée/ }).waitFor();

    // A custom range of this year's first quarter, for Nadia only.
    await marc.getByLabel('Année').selectOption('Période personnalisée…');
    const thisYear = lastYear + 1;
    await marc.getByLabel('Du', { exact: true }).fill(`${thisYear}-01-01`);
    await marc.getByLabel('Du', { exact: true }).dispatchEvent('change');
    await marc.getByLabel('Au', { exact: true }).fill(`${thisYear}-03-31`);
    await marc.getByLabel('Au', { exact: true }).dispatchEvent('change');
    const scope = marc.getByLabel('Périmètre', { exact: true });
    await scope.selectOption({ label: await scope.locator('option', { hasText: 'Nadia Benali' }).innerText() });
    await marc.getByText(/^Référent : Nadia Benali, /).waitFor();
    const nadiaId = await scope.inputValue();
    const nadia = await api<Report>(FOLLOWED, { period: { from: `${thisYear}-01-01`, to: `${thisYear}-03-31` }, scope: { referentId: nadiaId.split(':')[1] } });
    const nadiaFollowed = nadia.activityReport.tables.find((t) => t.key === 'people')!.rows.find((r) => r.key === 'followed')!;
    expect(await followedOnPage(marc)).toEqual([String(nadiaFollowed.value), String(nadiaFollowed.previous)]);

    // The same report as files: both hold the scope and the figure shown on the page.
    const [xlsx] = await Promise.all([marc.waitForEvent('download'), marc.getByRole('link', { name: 'Télécharger (XLSX)' }).click()]);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(new Uint8Array(await downloaded(xlsx)).buffer);
    const lines: unknown[][] = [];
    workbook.getWorksheet('Personnes et parcours')!.eachRow((row) => lines.push((row.values as unknown[]).slice(1)));
    expect(lines).toContainEqual(['Périmètre', 'Référent : Nadia Benali']);
    expect(lines.find((line) => String(line[0]).startsWith('Personnes suivies'))?.slice(1)).toEqual([nadiaFollowed.value, nadiaFollowed.previous]);
    const [pdf] = await Promise.all([marc.waitForEvent('download'), marc.getByRole('link', { name: 'Télécharger (PDF)' }).click()]);
    const { text } = await extractText(await getDocumentProxy(new Uint8Array(await downloaded(pdf))), { mergePages: true });
    const pdfText = text.replace(/\s+/g, ' ');
    expect(pdfText).toContain('Référent : Nadia Benali');
    expect(pdfText).toMatch(new RegExp(`Personnes suivies[^0-9]*${nadiaFollowed.value} ${nadiaFollowed.previous}`));
  });

  it('counts the residents of a commune found by its name', async () => {
    const marc = await logIn(suite.browser, suite.server.url, 'marc@grenoble.demo');
    await marc.getByRole('link', { name: "Bilan d'activité" }).click();
    await marc.locator('#report-scope').selectOption({ label: "Résidents d'une commune…" });
    await marc.getByLabel('Chercher une commune (nom ou code postal)').fill('Échirol');
    await marc.locator('#report-commune option', { hasText: 'Échirolles (38151)' }).waitFor({ state: 'attached' });
    await marc.getByLabel('Commune de résidence').selectOption({ label: 'Échirolles (38151)' });
    await marc.getByText(/^Résidents : Échirolles, /).waitFor();
    expect(new URL(marc.url()).searchParams.get('scope')).toBe('commune:38151');
    // The scope list still says what is counted.
    expect(await marc.locator('#report-scope option:checked').innerText()).toBe("Résidents d'une commune…");
    expect(await axeViolations(marc)).toEqual([]);
  });

  it('gives a referent her own caseload, and no link for a partner', async () => {
    const nadia = await logIn(suite.browser, suite.server.url, 'nadia@grenoble.demo');
    await nadia.getByRole('link', { name: "Bilan d'activité" }).click();
    await nadia.getByText(/^Référent : Nadia Benali, /).waitFor();
    // Her operator colleagues are in the scope list (the demo PLIE lets referents read them): Julien's caseload opens.
    const scope = nadia.locator('#report-scope');
    await scope.locator('optgroup[label="Mes collègues"] option', { hasText: 'Julien Perrin' }).waitFor({ state: 'attached' });
    expect(await scope.locator('optgroup[label="Mes collègues"] option', { hasText: 'Nadia Benali' }).count()).toBe(0);
    await scope.selectOption({ label: 'Julien Perrin' });
    await nadia.getByText(/^Référent : Julien Perrin, /).waitFor();
    const karim = await logIn(suite.browser, suite.server.url, 'karim@grenoble.demo');
    await karim.getByRole('navigation', { name: 'Navigation principale' }).waitFor();
    expect(await karim.getByRole('link', { name: "Bilan d'activité" }).count()).toBe(0);
  });
});
