import { describe, expect, it } from 'vitest';
import { chromiumAvailable } from './support/browser';
import { browserSuite } from './support/browser-suite';
import { logIn } from './support/demo-session';

describe.runIf(chromiumAvailable())('administering a PLIE through the portal', () => {
  const suite = browserSuite();

  it('a tenant admin invites a referent, who sets a password and is in; then the admin deactivates her', async () => {
    const admin = await logIn(suite.browser, suite.server.url, 'admin@grenoble.demo');
    await admin.getByRole('navigation', { name: 'Navigation principale' }).getByRole('link', { name: 'Utilisateurs' }).click();
    await admin.getByRole('table', { name: 'Personnes ayant accès' }).getByText('Nadia Benali', { exact: true }).waitFor();
    // Nothing of the other PLIE shows up.
    expect(await admin.getByText('Clermont').count()).toBe(0);

    await admin.getByRole('button', { name: 'Inviter une personne' }).click();
    const dialog = admin.getByRole('dialog', { name: 'Inviter une personne' });
    await dialog.getByLabel('Adresse e-mail').fill('ines.nouvelle@grenoble.demo');
    await dialog.getByLabel('Nom et prénom').fill('Inès Nouvelle');
    await dialog.getByLabel('Organisation').selectOption({ label: 'Association Passerelles Emploi — Structure porteuse de référents' });
    await dialog.getByLabel('Rôle').selectOption({ label: 'Référent de parcours' });
    await dialog.getByRole('button', { name: "Créer l'invitation" }).click();
    const link = await admin.getByRole('dialog', { name: 'Invitation créée' }).getByLabel("Lien d'invitation").inputValue();
    expect(link).toMatch(new RegExp(`^${suite.server.url}/invitation/[\\w-]{40,}$`));
    await admin.getByRole('button', { name: 'Terminé' }).click();

    const invitee = await (await suite.browser.newContext({ viewport: { width: 1366, height: 768 }, locale: 'fr-FR' })).newPage();
    await invitee.goto(link);
    await invitee.getByRole('heading', { name: 'Invitation à rejoindre Jalon' }).waitFor();
    await invitee.getByLabel('Mot de passe').fill('court');
    await invitee.getByRole('button', { name: "Accepter l'invitation" }).click();
    await invitee.getByText('Le mot de passe doit contenir au moins 12 caractères.').waitFor();
    await invitee.getByLabel('Mot de passe').fill('une phrase de passe très solide');
    await invitee.getByRole('button', { name: "Accepter l'invitation" }).click();
    await invitee.getByRole('heading', { name: 'Bonjour, Inès Nouvelle' }).waitFor();

    await admin.reload();
    await admin.getByRole('button', { name: 'Désactiver Inès Nouvelle', exact: true }).click();
    await admin.getByRole('alertdialog').getByRole('button', { name: 'Désactiver', exact: true }).click();
    await admin.getByRole('button', { name: 'Réactiver Inès Nouvelle', exact: true }).waitFor();

    // Her open session ends at once.
    await invitee.reload();
    await expect.poll(() => invitee.url()).toContain('/login');
    await invitee.getByText('Votre session a expiré').waitFor();
  });

  it('a training operator working for two PLIEs switches from one to the other', async () => {
    const claire = await logIn(suite.browser, suite.server.url, 'claire@formation.demo');
    const switcher = claire.getByLabel('PLIE et organisation');
    const current = await switcher.inputValue();
    const options = await switcher
      .locator('option')
      .evaluateAll((nodes) => nodes.map((n) => ({ value: (n as HTMLOptionElement).value, text: n.textContent ?? '' })));
    const other = options.find((o) => o.value !== current && o.value)!;
    const tenants = await switcher.locator('optgroup').evaluateAll((groups) => groups.map((g) => (g as HTMLOptGroupElement).label));
    expect(tenants).toEqual(['PLIE Clermont Auvergne Métropole', 'PLIE Grenoble Alpes Métropole']);
    await switcher.selectOption(other.value);
    await claire.getByRole('button', { name: 'Changer' }).click();
    await expect.poll(() => claire.getByLabel('PLIE et organisation').inputValue()).toBe(other.value);
    await claire.reload();
    await expect.poll(() => claire.getByLabel('PLIE et organisation').inputValue()).toBe(other.value);
  });

  it('the organisation form asks for what the kind calls for, and the access log filters by partner only', async () => {
    const admin = await logIn(suite.browser, suite.server.url, 'admin@grenoble.demo');
    await admin.goto(`${suite.server.url}/admin/organisations`);
    await admin.getByRole('button', { name: 'Nouvelle organisation' }).click();
    const dialog = admin.getByRole('dialog', { name: 'Nouvelle organisation' });
    await dialog.getByLabel("Type d'organisation").selectOption({ label: "Structure d'insertion (SIAE)" });
    await dialog.getByLabel('Type de SIAE').waitFor();
    expect(await dialog.getByLabel('Code INSEE (facultatif)').count()).toBe(0);
    await dialog.getByLabel("Type d'organisation").selectOption({ label: 'Commune' });
    await dialog.getByLabel('Code INSEE (facultatif)').waitFor();
    expect(await dialog.getByLabel('Type de SIAE').count()).toBe(0);
    await admin.keyboard.press('Escape');

    await admin.goto(`${suite.server.url}/admin/consultations`);
    const filter = admin.getByLabel('Structure partenaire');
    await filter.locator('option', { hasText: 'Jardins du Drac (ACI)' }).waitFor({ state: 'attached' });
    const options = await filter.locator('option').allTextContents();
    expect(options).toContain("CCAS d'Échirolles");
    expect(options).not.toContain("Équipe d'animation du PLIE Grenoble Alpes");
    expect(options).not.toContain('Association Passerelles Emploi');
  });
});
