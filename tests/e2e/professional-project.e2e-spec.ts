import { describe, expect, it } from 'vitest';
import type { Locator } from 'playwright-core';
import { chromiumAvailable } from './support/browser';
import { browserSuite } from './support/browser-suite';
import { axeViolations } from './support/axe';
import { apiSession, logIn, parisDay } from './support/demo-session';

describe.runIf(chromiumAvailable())('the professional project', () => {
  const suite = browserSuite();

  /** Searches a trade in a TradePicker and chooses it by its ROME code. */
  async function chooseTrade(scope: Locator, search: string, code: string): Promise<void> {
    await scope.getByRole('searchbox', { name: 'Rechercher un métier' }).fill(search);
    const select = scope.getByRole('combobox');
    await select.locator(`option[value="${code}"]`).waitFor({ state: 'attached' });
    await select.selectOption(code);
  }

  it('builds a project from the trades she held, the trade sheets and their close trades', async () => {
    const api = await apiSession(suite.server.url, 'nadia@grenoble.demo');
    const { createParticipant } = await api<{ createParticipant: { id: string; currentPathway: { id: string; version: number } } }>(
      `mutation($input: CreateParticipantInput!) { createParticipant(input: $input) { id currentPathway { id version } } }`,
      {
        input: {
          details: { firstName: 'Inès', lastName: 'Projet-Métier', birthDate: '1987-06-14' },
          referralDate: parisDay(0, -20),
          confirmNotDuplicate: true,
        },
      },
    );
    const nadia = await logIn(suite.browser, suite.server.url, 'nadia@grenoble.demo');
    await nadia.goto(`${suite.server.url}/participants/${createParticipant.id}`);
    await nadia.getByRole('tab', { name: 'Diagnostic, projet et contrat' }).click();
    const project = nadia.getByRole('region', { name: 'Projet professionnel' });
    await project.getByText('Aucun projet professionnel enregistré.', { exact: false }).waitFor();

    // The trades she held: assistant de vie, noted from the diagnosis.
    await project.getByRole('region', { name: 'Métiers exercés auparavant' }).getByRole('button', { name: 'Modifier' }).click();
    const past = nadia.getByRole('dialog', { name: 'Métiers exercés auparavant' });
    await chooseTrade(past, 'assistant de vie', 'K1302');
    await past.getByRole('button', { name: 'Ajouter ce métier' }).click();
    await past.getByRole('list', { name: 'Métiers exercés auparavant' }).getByText('K1302 — Assistant / Assistante de vie dépendance').waitFor();
    await past.getByRole('button', { name: 'Enregistrer' }).click();
    await past.waitFor({ state: 'hidden' });

    // Close trades to explore follow from it, closest first, each with its sheet.
    const suggestions = project.getByRole('region', { name: 'Métiers proches à explorer' });
    const first = suggestions.getByRole('listitem').first();
    await first.getByText('K1306 — Accompagnant Educatif et Social (AES) / Accompagnante Educative et Sociale (AES)').waitFor();
    await first.getByText('proche de : Assistant / Assistante de vie dépendance').waitFor();

    // The project: aide-soignante, confirmed; from its sheet, a close trade added to explore.
    await project.getByRole('button', { name: 'Établir le projet' }).click();
    const dialog = nadia.getByRole('dialog', { name: 'Établir le projet' });
    const target1 = dialog.getByRole('group', { name: 'Métier visé n° 1' });
    await chooseTrade(target1, 'aide-soignant', 'J1501');
    await target1.getByRole('group', { name: 'Où en est ce métier' }).getByLabel('Confirmé').check();
    await target1.getByLabel('Savoir-faire acquis').fill('Toilette et repas des personnes âgées\nTransferts lit-fauteuil');
    await target1.getByLabel('Savoir-faire à acquérir').fill('Diplôme d’État d’aide-soignant');
    await target1.getByRole('button', { name: 'Fiche métier' }).click();
    const sheet = target1.getByRole('region', { name: 'Fiche J1501 — Aide-soignant / Aide-soignante' });
    await sheet.getByText("Diplôme d'Etat d'Aide-Soignant", { exact: false }).waitFor();
    await sheet.getByRole('button', { name: 'Ajouter au projet : Auxiliaire de puériculture' }).click();
    const target2 = dialog.getByRole('group', { name: 'Métier visé n° 2' });
    expect(await target2.getByRole('combobox', { name: 'Métier (ROME)' }).inputValue()).toBe('J1304');
    await dialog.getByRole('button', { name: 'Enregistrer' }).click();
    await dialog.waitFor({ state: 'hidden' });

    const aideSoignante = project.getByRole('article', { name: /J1501 — Aide-soignant/ });
    await aideSoignante.getByText('Confirmé').waitFor();
    await aideSoignante.getByText('Transferts lit-fauteuil').waitFor();
    await project
      .getByRole('article', { name: /J1304 — Auxiliaire de puériculture/ })
      .getByText('À explorer')
      .waitFor();
    await project.getByText('Version 1, enregistrée par Nadia Benali', { exact: false }).waitFor();

    // In a click, the closest suggestion joins the project as a new version; the project is then full.
    await suggestions.getByRole('button', { name: /^Ajouter au projet : Accompagnant Educatif et Social/ }).click();
    await project
      .getByRole('article', { name: /K1306 — Accompagnant Educatif/ })
      .getByText('À explorer')
      .waitFor();
    await project.getByText('Version 2, enregistrée par Nadia Benali', { exact: false }).waitFor();
    await project
      .getByRole('region', { name: 'Versions précédentes' })
      .getByText(/Version 1 du/)
      .waitFor();
    await suggestions.getByText('Le projet compte déjà 3 métiers', { exact: false }).waitFor();
    expect(await suggestions.getByRole('button', { name: /^Ajouter au projet/ }).count()).toBe(0);
    expect(await axeViolations(nadia)).toEqual([]);
  });
});
