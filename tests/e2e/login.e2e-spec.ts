import { describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '@jalon/api/src/db/seed/demo-data';
import { chromiumAvailable } from './support/browser';
import { browserSuite } from './support/browser-suite';

describe.runIf(chromiumAvailable())('logging in through the portal', () => {
  const suite = browserSuite();

  it('a demo referent logs in, sees her PLIE and her role, and logs out', async () => {
    const page = await suite.browser.newPage({ viewport: { width: 1366, height: 768 }, locale: 'fr-FR' });
    await page.goto(suite.server.url);
    await expect.poll(() => page.url()).toContain('/login');

    await page.getByLabel('Adresse e-mail').fill('nadia@grenoble.demo');
    await page.getByLabel('Mot de passe').fill('pas le bon mot de passe');
    await page.getByRole('button', { name: 'Se connecter' }).click();
    await page.getByText('Adresse e-mail ou mot de passe incorrect.').waitFor();

    await page.getByLabel('Mot de passe').fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: 'Se connecter' }).click();
    await page.getByText('Nadia Benali').first().waitFor();
    await page.getByText('PLIE Grenoble Alpes Métropole').first().waitFor();
    expect(await page.getByText('Référent de parcours').count()).toBeGreaterThan(0);
    // A referent does not administer users.
    expect(await page.getByRole('link', { name: 'Utilisateurs' }).count()).toBe(0);

    await page.getByRole('button', { name: 'Se déconnecter' }).click();
    await expect.poll(() => page.url()).toContain('/login');
    await page.goto(`${suite.server.url}/admin/organisations`);
    await expect.poll(() => page.url()).toContain('/login');
    await page.close();
  });
});
