import { describe, expect, it } from 'vitest';
import type { Locator } from 'playwright-core';
import { chromiumAvailable } from './support/browser';
import { browserSuite } from './support/browser-suite';
import { logIn } from './support/demo-session';

/** Whether an element's text shows in full: nothing hidden past its box (no ellipsis). */
const shownInFull = (element: Locator) => element.evaluate((e) => e.scrollWidth <= e.clientWidth);

describe.runIf(chromiumAvailable())('the header of someone working for two PLIEs', () => {
  const suite = browserSuite();

  it('Claire reads her PLIE and organisation in full at 1366 px in both PLIEs, and comes back to the one she left', async () => {
    // Where she lands depends on her latest session, and other browser files log her in on the same
    // server: the first landing of a new user (the membership held longest) is the auth integration test's.
    const memberships = [
      { tenant: 'PLIE Grenoble Alpes Métropole', organisation: 'Formations Chartreuse · Agent partenaire', option: 'Formations Chartreuse (Agent partenaire)' },
      {
        tenant: 'PLIE Clermont Auvergne Métropole',
        organisation: 'Formations Chartreuse – antenne Auvergne · Agent partenaire',
        option: 'Formations Chartreuse – antenne Auvergne (Agent partenaire)',
      },
    ];
    const claire = await logIn(suite.browser, suite.server.url, 'claire@formation.demo');
    const context = claire.getByTestId('active-membership');
    const tenant = context.locator('.context-tenant');
    const organisation = context.locator('.context-organisation');
    const landed = await tenant.innerText();
    const here = memberships.findIndex((m) => m.tenant === landed);
    expect(here, landed).toBeGreaterThanOrEqual(0);
    const other = memberships[1 - here]!;
    expect(await organisation.innerText()).toBe(memberships[here]!.organisation);
    expect(await shownInFull(tenant)).toBe(true);
    expect(await shownInFull(organisation)).toBe(true);

    // The names of her other PLIE show in full too.
    await claire.getByLabel('PLIE et organisation').selectOption({ label: other.option });
    await claire.getByRole('button', { name: 'Changer' }).click();
    await expect.poll(() => tenant.innerText()).toBe(other.tenant);
    expect(await organisation.innerText()).toBe(other.organisation);
    expect(await shownInFull(tenant)).toBe(true);
    expect(await shownInFull(organisation)).toBe(true);
    expect(await claire.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);

    // Logged in again, she comes back to the PLIE she left.
    await claire.getByRole('button', { name: 'Se déconnecter' }).click();
    const again = await logIn(suite.browser, suite.server.url, 'claire@formation.demo');
    expect(await again.getByTestId('active-membership').locator('.context-tenant').innerText()).toBe(other.tenant);
  });
});
