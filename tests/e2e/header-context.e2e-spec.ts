import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Locator } from 'playwright-core';
import { chromiumAvailable, launchChromium } from './support/browser';
import { logIn } from './support/demo-session';
import { startPortalServer } from './support/portal-server';

/** Whether an element's text shows in full: nothing hidden past its box (no ellipsis). */
const shownInFull = (element: Locator) => element.evaluate((e) => e.scrollWidth <= e.clientWidth);

describe.runIf(chromiumAvailable())('the header of someone working for two PLIEs', () => {
  let server: Awaited<ReturnType<typeof startPortalServer>>;
  let browser: Browser;

  beforeAll(async () => {
    server = await startPortalServer();
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('Claire lands in the PLIE she works in first, and reads her PLIE and organisation in full at 1366 px', async () => {
    const claire = await logIn(browser, server.url, 'claire@formation.demo');
    const context = claire.getByTestId('active-membership');
    const tenant = context.locator('.context-tenant');
    const organisation = context.locator('.context-organisation');
    expect(await tenant.innerText()).toBe('PLIE Grenoble Alpes Métropole');
    expect(await organisation.innerText()).toBe('Formations Chartreuse · Agent partenaire');
    expect(await shownInFull(tenant)).toBe(true);
    expect(await shownInFull(organisation)).toBe(true);

    // The longer names of her other PLIE show in full too.
    const switcher = claire.getByLabel('PLIE et organisation');
    await switcher.selectOption({ label: 'Formations Chartreuse – antenne Auvergne (Agent partenaire)' });
    await claire.getByRole('button', { name: 'Changer' }).click();
    await expect.poll(() => tenant.innerText()).toBe('PLIE Clermont Auvergne Métropole');
    expect(await organisation.innerText()).toBe('Formations Chartreuse – antenne Auvergne · Agent partenaire');
    expect(await shownInFull(tenant)).toBe(true);
    expect(await shownInFull(organisation)).toBe(true);
    expect(await claire.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);

    // Logged in again, she comes back to the PLIE she left.
    await claire.getByRole('button', { name: 'Se déconnecter' }).click();
    const again = await logIn(browser, server.url, 'claire@formation.demo');
    expect(await again.getByTestId('active-membership').locator('.context-tenant').innerText()).toBe('PLIE Clermont Auvergne Métropole');
  });
});
