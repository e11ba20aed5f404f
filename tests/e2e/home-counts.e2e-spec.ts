import { describe, expect, it } from 'vitest';
import { chromiumAvailable } from './support/browser';
import { browserSuite } from './support/browser-suite';
import { axeViolations } from './support/axe';
import { apiSession, logIn } from './support/demo-session';

describe.runIf(chromiumAvailable())("the referent's home", () => {
  const suite = browserSuite();

  it('shows her caseload’s alerts as counts, each opening the caseload so filtered, and her day', async () => {
    const nadia = await logIn(suite.browser, suite.server.url, 'nadia@grenoble.demo');
    const panel = nadia.getByRole('region', { name: 'Dans votre portefeuille' });
    const esf = panel.getByTestId('home-count-ESF_DATA_INCOMPLETE');
    await esf.waitFor();
    expect(await esf.innerText()).toContain('Données FSE+ incomplètes');
    const count = Number(await esf.locator('.home-count-number').innerText());
    expect(count).toBeGreaterThan(0);
    await nadia.getByRole('heading', { name: /^Aujourd'hui : / }).waitFor();
    await nadia.getByRole('link', { name: "Ouvrir l'agenda" }).waitFor();
    expect(await axeViolations(nadia)).toEqual([]);

    await esf.click();
    await expect.poll(() => nadia.url()).toContain('alert=ESF_DATA_INCOMPLETE');
    const caseload = nadia.getByRole('table', { name: 'Liste des participants' });
    await caseload.waitFor();
    // Other browser files write into the same database meanwhile: the list matches the count as it is now.
    const nadiaApi = await apiSession(suite.server.url, 'nadia@grenoble.demo');
    const countNow = async () =>
      (
        await nadiaApi<{ participants: { totalCount: number } }>(
          `{ participants(filter: { mine: true, alert: ESF_DATA_INCOMPLETE }, page: { first: 1 }) { totalCount } }`,
        )
      ).participants.totalCount;
    // The list says how many files it holds (it shows them a page at a time).
    const listed = async () => Number((await nadia.locator('.result-count').innerText()).replace(/\D/g, ''));
    await expect.poll(async () => (await listed()) === (await countNow())).toBe(true);
    expect(await caseload.locator('tbody tr').count()).toBe(Math.min(await listed(), 25));
  });
});
