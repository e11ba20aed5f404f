import { describe, expect, it } from 'vitest';
import { chromiumAvailable } from './support/browser';
import { browserSuite } from './support/browser-suite';
import { axeViolations } from './support/axe';
import { logIn, parisDay } from './support/demo-session';

describe.runIf(chromiumAvailable())('the social clauses the PLIE facilitates', () => {
  const suite = browserSuite();

  it('Marc records a clause on a company, places Fatima with her hours and sees the progress; a partner has no such page', async () => {
    const marc = await logIn(suite.browser, suite.server.url, 'marc@grenoble.demo');
    const nav = marc.getByRole('navigation', { name: 'Navigation principale' });
    await nav.getByRole('link', { name: 'Clauses sociales' }).click();
    // The demo's clauses: one in progress, one late.
    const list = marc.getByRole('region', { name: 'Clauses suivies' });
    const cleaning = list.getByRole('row').filter({ hasText: 'Nettoyage des bâtiments municipaux' });
    await cleaning.getByText('En cours').waitFor();
    await cleaning.getByRole('link', { name: 'Propreté des Alpes (démo)' }).waitFor();
    await marc.getByRole('combobox', { name: 'État' }).selectOption({ label: 'En retard' });
    await list.getByRole('row').filter({ hasText: 'Collecte et tri des encombrants' }).getByText('En retard').waitFor();
    await cleaning.waitFor({ state: 'detached' });

    // A new clause on the ACI's company page.
    await nav.getByRole('link', { name: 'Entreprises' }).click();
    await marc.getByRole('region', { name: 'Entreprises suivies' }).getByRole('link', { name: 'Jardins du Drac (ACI)' }).click();
    const clauses = marc.getByRole('region', { name: 'Clauses sociales' });
    await clauses.getByRole('button', { name: 'Enregistrer une clause' }).click();
    const dialog = marc.getByRole('dialog', { name: 'Nouvelle clause sociale : Jardins du Drac (ACI)' });
    // Gone on to the second field while the dialog still opens, she stays there once it has opened.
    await dialog.getByLabel('Objet du marché').focus();
    await dialog.evaluate(async (opening) => {
      await Promise.all(opening.getAnimations().map((animation) => animation.finished.catch(() => undefined)));
      await new Promise(requestAnimationFrame);
    });
    expect(await dialog.getByLabel('Objet du marché').evaluate((field) => field === document.activeElement)).toBe(true);
    const start = parisDay(-2);
    await dialog.getByLabel('Acheteur public').fill('Ville d’Échirolles');
    await dialog.getByLabel('Objet du marché').fill('Entretien du parc Jean-Verlhac (e2e)');
    await dialog.getByLabel('Référence du marché').fill('ECH-2026-E2E');
    await dialog.getByLabel('Lot').fill('Lot 1 — espaces verts');
    await dialog.getByLabel("Début d'exécution").fill(start);
    await dialog.getByLabel("Fin d'exécution").fill(parisDay(10));
    await dialog.getByLabel("Heures d'insertion dues").fill('400');
    await dialog.getByRole('button', { name: 'Enregistrer' }).click();
    await dialog.waitFor({ state: 'hidden' });
    const clause = clauses.getByRole('article', { name: 'Entretien du parc Jean-Verlhac (e2e)' });
    await clause.getByText('0 h réalisées sur 400 h (0 %)').waitFor();
    await clause.getByText("Personne n'est encore placée sur cette clause.").waitFor();

    // Fatima, hired directly.
    await clause.getByRole('button', { name: 'Placer une personne' }).click();
    const placing = marc.getByRole('dialog', { name: 'Placer une personne : Entretien du parc Jean-Verlhac (e2e)' });
    await placing.getByRole('searchbox', { name: 'Rechercher une personne' }).fill('Kaci');
    await placing.getByRole('button', { name: 'Choisir Fatima Kaci' }).click();
    await placing.getByLabel('Embauche directe').check();
    await placing.getByLabel('Poste occupé').fill('Agente d’entretien des espaces verts');
    await placing.getByLabel('Début').fill(start);
    await placing.getByRole('button', { name: 'Placer' }).click();
    await placing.waitFor({ state: 'hidden' });
    const row = clause.getByRole('row').filter({ hasText: 'Fatima Kaci' });
    await row.getByText('Embauche directe').waitFor();

    // Her first week: 60 hours over 5 days is refused (10 a day at most), 35 are recorded.
    await row.getByRole('button', { name: 'Saisir des heures pour Fatima Kaci' }).click();
    const hours = marc.getByRole('dialog', { name: 'Heures réalisées : Fatima Kaci' });
    await hours.getByLabel('Du').fill(start);
    await hours.getByLabel('Au').fill(parisDay(-2, 4));
    await hours.getByLabel('Heures', { exact: true }).fill('60');
    await hours.getByRole('button', { name: 'Enregistrer les heures' }).click();
    await hours.getByText('au plus 50', { exact: false }).waitFor();
    await hours.getByLabel('Heures', { exact: true }).fill('35');
    await hours.getByRole('button', { name: 'Enregistrer les heures' }).click();
    await hours.waitFor({ state: 'hidden' });
    await clause.getByText('35 h réalisées sur 400 h (8,8 %)').waitFor();
    await clause.getByText('365 h restantes', { exact: false }).waitFor();
    // The hours recorded, by whom, under the placement's total.
    const frenchDay = (iso: string) => iso.split('-').reverse().join('/');
    await row.getByText('35 h', { exact: true }).click();
    await row.getByText(`Du ${frenchDay(start)} au ${frenchDay(parisDay(-2, 4))} : 35 h (Marc Girard)`).waitFor();

    // Hours recorded by mistake are taken back (the list of spans may still be unfolded); then the placement ends.
    await row.getByRole('button', { name: 'Saisir des heures pour Fatima Kaci' }).click();
    await hours.getByLabel('Du').fill(parisDay(-2, 5));
    await hours.getByLabel('Au').fill(parisDay(-2, 5));
    await hours.getByLabel('Heures', { exact: true }).fill('7,5');
    await hours.getByRole('button', { name: 'Enregistrer les heures' }).click();
    await hours.waitFor({ state: 'hidden' });
    await clause.getByText('42,5 h réalisées sur 400 h', { exact: false }).waitFor();
    if (!(await row.getByText(`Du ${frenchDay(parisDay(-2, 5))}`, { exact: false }).isVisible())) await row.getByText('42,5 h', { exact: true }).click();
    await row.getByRole('button', { name: `Retirer les heures du ${frenchDay(parisDay(-2, 5))} au ${frenchDay(parisDay(-2, 5))}` }).click();
    const confirm = marc.getByRole('alertdialog', { name: 'Retirer ces heures ?' });
    await confirm.getByRole('button', { name: 'Retirer' }).click();
    await clause.getByText('35 h réalisées sur 400 h (8,8 %)').waitFor();

    await row.getByRole('button', { name: 'Modifier le placement de Fatima Kaci' }).click();
    const editing = marc.getByRole('dialog', { name: 'Placement de Fatima Kaci' });
    await editing.getByLabel('Fin', { exact: true }).fill(parisDay(-1));
    await editing.getByRole('button', { name: 'Enregistrer' }).click();
    await editing.waitFor({ state: 'hidden' });
    await row.getByText(`du ${frenchDay(start)} au ${frenchDay(parisDay(-1))}`).waitFor();
    expect(await axeViolations(marc)).toEqual([]);

    const karim = await logIn(suite.browser, suite.server.url, 'karim@grenoble.demo');
    await karim.getByRole('navigation', { name: 'Navigation principale' }).waitFor();
    expect(await karim.getByRole('navigation', { name: 'Navigation principale' }).getByRole('link', { name: 'Clauses sociales' }).count()).toBe(0);
  });
});
