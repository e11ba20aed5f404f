import { describe, expect, it } from 'vitest';
import { chromiumAvailable } from './support/browser';
import { browserSuite } from './support/browser-suite';
import { axeViolations } from './support/axe';
import { apiSession, logIn } from './support/demo-session';

describe.runIf(chromiumAvailable())('the home pages', () => {
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

  it("shows a partner the counts of its own lists, each opening the list: the ACI's shared people and last month's reports due, the commune's referrals", async () => {
    const count = async (page: Awaited<ReturnType<typeof logIn>>, key: string) => {
      const item = page.getByTestId(`home-count-${key}`);
      await item.waitFor();
      return Number(await item.locator('.home-count-number').innerText());
    };
    // Karim, the integration company's supervisor: the people shared with the ACI and last month's contract reports still due.
    const karim = await logIn(suite.browser, suite.server.url, 'karim@grenoble.demo');
    const karimApi = await apiSession(suite.server.url, 'karim@grenoble.demo');
    const lastMonth = new Date(Date.UTC(new Date().getUTCFullYear(), new Date().getUTCMonth() - 1, 1)).toISOString().slice(0, 7);
    const karimCounts = await karimApi<{ participants: { totalCount: number }; contractMonthCount: { dueCount: number } }>(
      `query($period: String!) { participants(page: { first: 1 }) { totalCount } contractMonthCount(period: $period) { dueCount } }`,
      { period: lastMonth },
    );
    expect(karimCounts.participants.totalCount).toBeGreaterThan(0);
    expect(await count(karim, 'shared')).toBe(karimCounts.participants.totalCount);
    expect(await count(karim, 'contract-reports-due')).toBe(karimCounts.contractMonthCount.dueCount);
    expect(await axeViolations(karim)).toEqual([]);
    await karim.getByTestId('home-count-shared').click();
    await expect.poll(() => karim.url()).toContain('/partenaire/personnes');
    await karim.getByRole('table').first().waitFor();

    // Sophie, the commune's agent: her referrals awaiting a decision.
    const sophie = await logIn(suite.browser, suite.server.url, 'sophie@grenoble.demo');
    const sophieApi = await apiSession(suite.server.url, 'sophie@grenoble.demo');
    const { referrals } = await sophieApi<{ referrals: { totalCount: number } }>(
      `{ referrals(filter: { statuses: [NEW, UNDER_REVIEW, POSTPONED] }, page: { first: 1 }) { totalCount } }`,
    );
    expect(await count(sophie, 'awaiting-decision')).toBe(referrals.totalCount);
    expect(await sophie.getByTestId('home-count-contract-reports-due').count()).toBe(0);
  });
});
