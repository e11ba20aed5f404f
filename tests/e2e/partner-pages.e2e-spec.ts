import { describe, expect, it } from 'vitest';
import { chromiumAvailable } from './support/browser';
import { browserSuite } from './support/browser-suite';
import { logIn } from './support/demo-session';

/**
 * What a partner's own pages show, by the kind of partner: an integration company's administrator
 * manages the people of her organisation (and sees no commune figures); a commune sees its residents
 * in aggregate, small counts withheld.
 */
describe.runIf(chromiumAvailable())('partner pages', () => {
  const suite = browserSuite();

  it("a partner's administrator invites into her own organisation, with partner roles only", async () => {
    const karim = await logIn(suite.browser, suite.server.url, 'karim@grenoble.demo');
    const nav = karim.getByRole('navigation', { name: 'Navigation principale' });
    expect(await nav.getByRole('link', { name: 'Chiffres de ma commune' }).count()).toBe(0);
    await nav.getByRole('link', { name: 'Utilisateurs' }).click();
    const members = karim.getByRole('table', { name: 'Personnes ayant accès' });
    await members.getByText('Karim Haddad', { exact: true }).waitFor();
    expect(await members.getByText('Nadia Benali').count()).toBe(0);
    expect(await karim.getByRole('combobox', { name: 'Organisation' }).count()).toBe(0);

    await karim.getByRole('button', { name: 'Inviter une personne' }).click();
    const dialog = karim.getByRole('dialog', { name: 'Inviter une personne' });
    const organisation = dialog.getByRole('combobox', { name: 'Organisation' });
    expect(await organisation.isDisabled()).toBe(true);
    expect(await organisation.locator('option:checked').textContent()).toMatch(/^Jardins du Drac \(ACI\)/);
    const roles = await dialog.getByRole('combobox', { name: 'Rôle' }).locator('option:not([disabled])').allTextContents();
    expect(roles).toEqual(['Agent partenaire', 'Administrateur partenaire']);
    await dialog.getByLabel('Adresse e-mail').fill('lea.encadrante@jardins.demo');
    await dialog.getByLabel('Nom et prénom').fill('Léa Encadrante');
    await dialog.getByLabel('Rôle').selectOption({ label: 'Agent partenaire' });
    await dialog.getByRole('button', { name: "Créer l'invitation" }).click();
    await karim.getByRole('dialog', { name: 'Invitation créée' }).getByLabel("Lien d'invitation").waitFor();
    await karim.getByRole('button', { name: 'Terminé' }).click();
    await karim.getByRole('region', { name: 'Invitations en attente' }).getByText('Léa Encadrante').waitFor();
  });

  it('a commune sees its figures, a count under 5 said so and never as 0', async () => {
    const sophie = await logIn(suite.browser, suite.server.url, 'sophie@grenoble.demo');
    await sophie.getByRole('navigation', { name: 'Navigation principale' }).getByRole('link', { name: 'Chiffres de ma commune' }).click();
    await sophie.getByRole('heading', { name: 'Chiffres de ma commune', level: 1 }).waitFor();
    const byStatus = sophie.getByRole('table', { name: 'Habitants par statut de parcours' });
    // The demo's residents of Échirolles: many are active (published). Other browser files change the
    // smaller statuses meanwhile: each count shown is none, « moins de 5 », or 5 and more, never 1 to 4.
    await byStatus
      .getByRole('row')
      .filter({ hasText: 'Actif' })
      .getByRole('cell', { name: /^\d[\d\s\u202f]*$/ })
      .waitFor();
    const counts = (await byStatus.locator('tbody td').allInnerTexts()).map((text) => text.trim()).filter((text) => /^(\d|moins)/.test(text));
    expect(counts.length).toBeGreaterThan(1);
    for (const shown of counts) expect(shown === 'moins de 5' || shown === '0' || Number(shown.replace(/\D/g, '')) >= 5, `${counts.join(' | ')}`).toBe(true);
    await sophie.getByText(/« moins de 5 » : un nombre qui concerne moins de 5 personnes n'est pas publié/).waitFor();
    await sophie.getByRole('region', { name: 'Habitants des quartiers prioritaires' }).waitFor();
    await sophie.getByRole('table', { name: 'Entrées et sorties positives par année' }).waitFor();
  });

  it('a partner opening a page it may not is told what the page asks for, not its role', async () => {
    const karim = await logIn(suite.browser, suite.server.url, 'karim@grenoble.demo');
    await karim.goto(`${suite.server.url}/partenaire/chiffres`);
    await karim.getByRole('heading', { name: 'Accès non autorisé', level: 1 }).waitFor();
    await karim.getByText(/Cette page demande de pouvoir consulter les chiffres de votre commune, ce que votre accès actuel ne permet pas/).waitFor();
  });
});
