import { describe, expect, it } from 'vitest';
import { chromiumAvailable } from './support/browser';
import { browserSuite } from './support/browser-suite';
import { axeViolations } from './support/axe';
import { actFor, apiSession, logIn, parisDay } from './support/demo-session';

describe.runIf(chromiumAvailable())('the programme of actions, from an action to a stage', () => {
  const suite = browserSuite();
  const TITLE = 'FLE et code de la route (parcours e2e)';

  it('Marc creates an action with 8 places; Nadia positions Kevin with his agreement; Claire accepts; Kevin’s action plan shows the stage', async () => {
    // Marc, of the animation team, adds the action and its session.
    const marc = await logIn(suite.browser, suite.server.url, 'marc@grenoble.demo');
    await marc.getByRole('navigation', { name: 'Navigation principale' }).getByRole('link', { name: 'Programmation' }).click();
    await marc
      .getByRole('region', { name: 'Besoins du trimestre', exact: false })
      .getByText('14 besoins de Formation linguistique (FLE) à Échirolles ce trimestre')
      .waitFor();
    await marc.getByRole('button', { name: 'Nouvelle action' }).click();
    const action = marc.getByRole('dialog', { name: 'Nouvelle action de la programmation' });
    await action.getByLabel('Intitulé').fill(TITLE);
    const operator = action.getByRole('combobox', { name: 'Opérateur' });
    await operator.locator('option', { hasText: 'Formations Chartreuse' }).waitFor({ state: 'attached' });
    await operator.selectOption({ label: 'Formations Chartreuse' });
    await action.getByRole('combobox', { name: "Type d'action (étape)" }).selectOption({ label: 'Formation linguistique (FLE)' });
    await action.getByRole('combobox', { name: 'Financement' }).selectOption({ label: 'PLIE' });
    await action.getByLabel('Public visé').fill('Personnes allophones préparant le code de la route');
    await action.getByRole('button', { name: 'Enregistrer' }).click();
    await action.waitFor({ state: 'hidden' });
    await marc.getByRole('heading', { level: 1, name: TITLE }).waitFor();

    await marc.getByRole('button', { name: 'Ajouter une session' }).click();
    const session = marc.getByRole('dialog', { name: 'Nouvelle session' });
    await session.getByLabel('Début').fill(parisDay(1, 0));
    await session.getByLabel('Fin').fill(parisDay(3, 0));
    await session.getByRole('searchbox', { name: 'Rechercher la commune' }).fill('Échirolles');
    const commune = session.getByRole('combobox', { name: 'Commune' });
    await commune.locator('option[value="38151"]').waitFor({ state: 'attached' });
    await commune.selectOption('38151');
    await session.getByLabel('Nombre de places').fill('8');
    await session.getByRole('button', { name: 'Enregistrer' }).click();
    await session.waitFor({ state: 'hidden' });
    const occupancy = marc.getByRole('region', { name: 'Sessions et occupation' });
    await occupancy.getByRole('cell', { name: 'Échirolles' }).waitFor();
    expect(await axeViolations(marc)).toEqual([]);
    // Opened by the team, it takes positionings.
    await marc.getByRole('button', { name: 'Modifier', exact: true }).click();
    const edit = marc.getByRole('dialog', { name: `Modifier « ${TITLE} »` });
    await edit.getByRole('combobox', { name: 'Statut' }).selectOption({ label: 'Ouverte' });
    await edit.getByRole('button', { name: 'Enregistrer' }).click();
    await edit.waitFor({ state: 'hidden' });

    // Nadia positions Kevin from his action plan, with his agreement that the operator sees it.
    const api = await apiSession(suite.server.url, 'nadia@grenoble.demo');
    const { participants } = await api<{ participants: { edges: Array<{ node: { id: string } }> } }>(
      `{ participants(filter: { search: "Roussel Kevin" }) { edges { node { id } } } }`,
    );
    const kevinId = participants.edges[0]!.node.id;
    const nadia = await logIn(suite.browser, suite.server.url, 'nadia@grenoble.demo');
    await nadia.goto(`${suite.server.url}/participants/${kevinId}`);
    await nadia.getByRole('tab', { name: "Plan d'action" }).click();
    await nadia.getByRole('button', { name: 'Positionner sur une action' }).click();
    const propose = nadia.getByRole('dialog', { name: 'Positionner Kevin Roussel sur une action' });
    const sessions = propose.getByRole('combobox', { name: 'Session' });
    const option = sessions.locator('option', { hasText: TITLE });
    await option.waitFor({ state: 'attached' });
    await sessions.selectOption((await option.getAttribute('value'))!);
    await propose.getByLabel('Pourquoi vous proposez cette personne').fill('Doit passer le code : le français écrit est son frein principal.');
    expect(await propose.getByLabel("Kevin Roussel accepte que Formations Chartreuse voie ce positionnement et l'étape qui en découle").isChecked()).toBe(true);
    await propose.getByRole('button', { name: 'Positionner' }).click();
    await propose.waitFor({ state: 'hidden' });
    const positionings = nadia.getByRole('region', { name: 'Positionnements sur la programmation' });
    await positionings.getByText('Proposée', { exact: true }).waitFor();
    expect(await axeViolations(nadia)).toEqual([]);

    // Claire, at the training operator (in Grenoble: she works in two PLIEs), sees it and accepts.
    const claire = await logIn(suite.browser, suite.server.url, 'claire@formation.demo');
    await actFor(claire, 'PLIE Grenoble Alpes Métropole');
    await claire.getByRole('navigation', { name: 'Navigation principale' }).getByRole('link', { name: 'Positionnements à traiter' }).click();
    const toAnswer = claire.getByRole('listitem').filter({ hasText: 'Kevin Roussel' }).filter({ hasText: TITLE });
    await toAnswer.getByRole('button', { name: 'Répondre pour Kevin Roussel' }).click();
    const answer = claire.getByRole('dialog', { name: 'Répondre pour Kevin Roussel' });
    await answer.getByLabel('Accepter').check();
    await answer.getByRole('button', { name: 'Envoyer la réponse' }).click();
    await answer.waitFor({ state: 'hidden' });
    await claire.getByText('Positionnement de Kevin Roussel accepté', { exact: false }).waitFor();
    // Her actions' occupancy, counted over every positioning: 8 places, Kevin's taken.
    const occupied = claire.getByRole('region', { name: 'Mes actions de la programmation' }).getByRole('row').filter({ hasText: TITLE });
    await expect.poll(async () => (await occupied.getByRole('cell').allTextContents()).slice(3)).toEqual(['8', '0', '1', '0', '0', '7']);
    expect(await axeViolations(claire)).toEqual([]);

    // Kevin's action plan shows the stage with the operator.
    await nadia.reload();
    await nadia.getByRole('tab', { name: "Plan d'action" }).click();
    const plan = nadia.getByRole('list', { name: /Étapes du parcours/ });
    const stage = plan.getByRole('listitem').filter({ hasText: 'Formation linguistique (FLE)' });
    await stage.getByText('Formations Chartreuse').waitFor();
    await stage.getByText(TITLE).waitFor();
    await positionings.getByText('Acceptée', { exact: true }).waitFor();
  });
});
