import { describe, expect, it } from 'vitest';
import { chromiumAvailable } from './support/browser';
import { browserSuite } from './support/browser-suite';
import { axeViolations } from './support/axe';
import { logIn, parisDay } from './support/demo-session';

describe.runIf(chromiumAvailable())('the companies the PLIE follows', () => {
  const suite = browserSuite();

  it('Nadia records a company (a SIRET typo is caught), its contact and a visit; a partner has no such page', async () => {
    const nadia = await logIn(suite.browser, suite.server.url, 'nadia@grenoble.demo');
    await nadia.getByRole('navigation', { name: 'Navigation principale' }).getByRole('link', { name: 'Entreprises' }).click();
    const list = nadia.getByRole('region', { name: 'Entreprises suivies' });
    // The demo's companies, the ACI among them as the partner it is.
    await list.getByRole('link', { name: 'Propreté des Alpes (démo)' }).waitFor();
    await list.getByRole('row').filter({ hasText: 'Jardins du Drac (ACI)' }).getByText('partenaire du PLIE').waitFor();

    await nadia.getByRole('button', { name: 'Nouvelle entreprise' }).click();
    const dialog = nadia.getByRole('dialog', { name: 'Nouvelle entreprise' });
    await dialog.getByLabel('SIRET').fill('900 000 008 00013');
    await dialog.getByLabel('Raison sociale ou enseigne').fill('Restaurant Le Vercors (démo)');
    await dialog.getByRole('combobox', { name: "Type d'entreprise" }).selectOption({ label: 'Entreprise classique' });
    await dialog.getByLabel('Code NAF').fill('56.10A');
    await dialog.getByLabel('Code postal').fill('38130');
    await dialog.getByRole('combobox', { name: 'Commune' }).locator('option[value="38151"]').waitFor({ state: 'attached' });
    const contact = dialog.getByRole('group', { name: 'Contact n° 1' });
    await contact.getByLabel('Nom').fill('Jean Barral');
    await contact.getByLabel('Fonction').fill('Gérant');
    await contact.getByLabel('Téléphone').fill('04 76 00 80 08');
    await dialog.getByRole('button', { name: 'Enregistrer' }).click();
    await dialog.getByText('Ce SIRET n’existe pas', { exact: false }).waitFor();
    await dialog.getByLabel('SIRET').fill('900 000 008 00012');
    await dialog.getByRole('button', { name: 'Enregistrer' }).click();
    await dialog.waitFor({ state: 'hidden' });

    // Its page: the sector in words, the commune from the postcode, the contact.
    await nadia.getByRole('heading', { level: 1, name: 'Restaurant Le Vercors (démo)' }).waitFor();
    await nadia.getByText('56.10A — Restauration traditionnelle').waitFor();
    await nadia.getByText('38130 Échirolles').waitFor();
    await nadia.getByRole('region', { name: 'Contacts' }).getByText('Jean Barral').waitFor();

    await nadia.getByRole('button', { name: 'Noter un échange' }).click();
    const event = nadia.getByRole('dialog', { name: 'Noter un échange' });
    await event.getByLabel('Visite').check();
    await event.getByLabel('Date').fill(parisDay(0, -1));
    await event.getByLabel("Ce qui s'est dit ou fait").fill('Visite de la cuisine avec le gérant.');
    await event.getByLabel('Suite').fill('Un poste de commis de cuisine en février.');
    await event.getByRole('button', { name: "Enregistrer l'échange" }).click();
    await event.waitFor({ state: 'hidden' });
    const history = nadia.getByRole('region', { name: 'Historique des échanges' });
    await history.getByText('Suite : Un poste de commis de cuisine en février.').waitFor();
    await history.getByText('Nadia Benali').waitFor();
    expect(await axeViolations(nadia)).toEqual([]);

    const karim = await logIn(suite.browser, suite.server.url, 'karim@grenoble.demo');
    await karim.getByRole('navigation', { name: 'Navigation principale' }).waitFor();
    expect(await karim.getByRole('navigation', { name: 'Navigation principale' }).getByRole('link', { name: 'Entreprises' }).count()).toBe(0);
  });
});
