import { describe, expect, it } from 'vitest';
import type { Locator } from 'playwright-core';
import { chromiumAvailable } from './support/browser';
import { browserSuite } from './support/browser-suite';
import { axeViolations } from './support/axe';
import { apiSession, logIn, parisDay } from './support/demo-session';

describe.runIf(chromiumAvailable())('job offers, from the project to the hire', () => {
  const suite = browserSuite();

  async function choose(scope: Locator, search: string, searchLabel: string, select: string, value: string): Promise<void> {
    await scope.getByRole('searchbox', { name: searchLabel }).fill(search);
    const combobox = scope.getByRole('combobox', { name: select });
    await combobox.locator(`option[value="${value}"]`).waitFor({ state: 'attached' });
    await combobox.selectOption(value);
  }

  it('Nadia adds a close trade to Fatima’s project, records a visit and an offer of the ACI, proposes Fatima; the ACI answers; the hire becomes a stage', async () => {
    const api = await apiSession(suite.server.url, 'nadia@grenoble.demo');
    const { participants } = await api<{ participants: { edges: Array<{ node: { id: string } }> } }>(
      `{ participants(filter: { search: "Kaci Fatima" }) { edges { node { id } } } }`,
    );
    const fatimaId = participants.edges[0]!.node.id;

    // From the sheet of the trade she aims at, a close trade joins her project.
    const nadia = await logIn(suite.browser, suite.server.url, 'nadia@grenoble.demo');
    await nadia.goto(`${suite.server.url}/participants/${fatimaId}`);
    await nadia.getByRole('tab', { name: 'Diagnostic, projet et contrat' }).click();
    const project = nadia.getByRole('region', { name: 'Projet professionnel' });
    const gardens = project.getByRole('article', { name: /A1203/ });
    await gardens.getByRole('button', { name: 'Fiche métier' }).click();
    await gardens.getByRole('button', { name: "Ajouter au projet : Agent / Agente d'entretien des espaces naturels" }).click();
    await project
      .getByRole('article', { name: /A1202 — Agent \/ Agente d'entretien des espaces naturels/ })
      .getByText('À explorer')
      .waitFor();

    // At the ACI: a visit, and the offer it came with.
    await nadia.getByRole('navigation', { name: 'Navigation principale' }).getByRole('link', { name: 'Entreprises' }).click();
    await nadia.getByRole('region', { name: 'Entreprises suivies' }).getByRole('link', { name: 'Jardins du Drac (ACI)' }).click();
    await nadia.getByRole('button', { name: 'Noter un échange' }).click();
    const visit = nadia.getByRole('dialog', { name: 'Noter un échange' });
    await visit.getByLabel('Visite').check();
    await visit.getByLabel('Date').fill(parisDay(0, -1));
    await visit.getByLabel("Ce qui s'est dit ou fait").fill('Visite du chantier des berges du Drac avec Karim.');
    await visit.getByLabel('Suite').fill('Un poste d’agent d’entretien des espaces naturels en janvier.');
    await visit.getByRole('button', { name: "Enregistrer l'échange" }).click();
    await visit.waitFor({ state: 'hidden' });

    await nadia.getByRole('region', { name: "Offres de l'entreprise" }).getByRole('button', { name: 'Nouvelle offre' }).click();
    const form = nadia.getByRole('dialog', { name: 'Nouvelle offre' });
    await form.getByText('Offre de Jardins du Drac (ACI).').waitFor();
    await form.getByLabel('Intitulé du poste').fill('Agent·e des berges (parcours e2e)');
    await choose(form, 'espaces naturels', 'Rechercher un métier', 'Métier (ROME)', 'A1202');
    await choose(form, 'Échirolles', 'Rechercher la commune', 'Commune du poste', '38151');
    await form.getByRole('combobox', { name: 'Type de contrat' }).selectOption({ label: 'CDDI (insertion)' });
    await form.getByLabel('Durée (mois)').fill('6');
    await form.getByLabel('Heures par semaine').fill('26');
    await form.getByRole('button', { name: 'Enregistrer' }).click();
    await form.waitFor({ state: 'hidden' });

    // The offer's page: Fatima matches it, the same trade now, in her commune.
    await nadia.getByRole('heading', { level: 1, name: 'Agent·e des berges (parcours e2e)' }).waitFor();
    const matches = nadia.getByRole('region', { name: 'Personnes correspondantes' });
    const fatima = matches.getByRole('listitem').filter({ hasText: 'Fatima Kaci' });
    await fatima.getByText('Même métier · habite la commune').waitFor();
    await fatima.getByRole('button', { name: 'Positionner Fatima Kaci' }).click();
    const propose = nadia.getByRole('dialog', { name: 'Positionner Fatima Kaci' });
    await propose
      .getByLabel("Présentation pour l'employeur")
      .fill('Un an de chantier maraîcher, à l’aise en extérieur ; veut continuer dans les espaces naturels.');
    await propose.getByLabel('Fatima Kaci accepte que Jardins du Drac (ACI) voie cette candidature').check();
    await propose.getByRole('button', { name: 'Positionner' }).click();
    await propose.waitFor({ state: 'hidden' });
    await fatima.getByText('Déjà positionnée').waitFor();
    const candidacies = nadia.getByRole('region', { name: 'Candidatures' });
    await candidacies.getByText('Proposée', { exact: true }).waitFor();
    expect(await axeViolations(nadia)).toEqual([]);

    // Karim, at the ACI, sees the candidacy she agreed to share, and answers.
    const karim = await logIn(suite.browser, suite.server.url, 'karim@grenoble.demo');
    await karim.getByRole('navigation', { name: 'Navigation principale' }).getByRole('link', { name: 'Mes offres' }).click();
    await karim.getByRole('link', { name: 'Agent·e des berges (parcours e2e)' }).click();
    const shared = karim.getByRole('region', { name: 'Candidatures' });
    await shared.getByText('Fatima Kaci').waitFor();
    await shared.getByText('Un an de chantier maraîcher', { exact: false }).waitFor();
    await shared.getByRole('button', { name: 'Répondre à la candidature de Fatima' }).click();
    const answer = karim.getByRole('dialog', { name: 'Candidature de Fatima Kaci' });
    await answer.getByLabel('Candidature retenue').check();
    await answer.getByLabel('Message au référent').fill('Embauche prévue le 11 janvier.');
    await answer.getByRole('button', { name: 'Envoyer la réponse' }).click();
    await answer.waitFor({ state: 'hidden' });
    await shared.getByText("Retenue par l'employeur", { exact: true }).waitFor();
    expect(await axeViolations(karim)).toEqual([]);

    // Nadia records the hire: it becomes a stage of Fatima's action plan, with the ACI.
    await nadia.reload();
    await candidacies.getByText("Réponse de l'employeur : Embauche prévue le 11 janvier.").waitFor();
    await candidacies.getByRole('button', { name: "Enregistrer l'issue pour Fatima" }).click();
    const outcome = nadia.getByRole('dialog', { name: 'Issue de la candidature : Agent·e des berges (parcours e2e)' });
    expect(await outcome.getByRole('radio', { name: 'Embauche' }).isChecked()).toBe(true);
    await outcome.getByLabel("Date d'embauche").fill(parisDay(0, 0));
    expect(await outcome.getByRole('combobox', { name: "Type d'étape" }).locator('option:checked').textContent()).toBe(
      'CDDI en atelier et chantier d’insertion (ACI)',
    );
    await outcome.getByRole('button', { name: 'Enregistrer' }).click();
    await outcome.waitFor({ state: 'hidden' });
    await nadia.getByRole('heading', { level: 1, name: 'Agent·e des berges (parcours e2e)' }).locator('..').getByText('Pourvue').waitFor();
    await nadia.goto(`${suite.server.url}/participants/${fatimaId}`);
    await nadia.getByRole('tab', { name: "Plan d'action" }).click();
    await nadia.getByText('Agent·e des berges (parcours e2e) — Jardins du Drac (ACI)', { exact: true }).waitFor();
  });
});
