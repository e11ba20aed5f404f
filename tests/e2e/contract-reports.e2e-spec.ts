import { describe, expect, it } from 'vitest';
import { chromiumAvailable } from './support/browser';
import { browserSuite } from './support/browser-suite';
import { storyCalendar } from '@jalon/api/src/db/seed/story-calendar';
import { apiSession, logIn, parisDay } from './support/demo-session';

const ACI = 'Jardins du Drac (ACI)';
const CDDI_STAGE = 'CDDI en atelier et chantier d’insertion (ACI)';

/**
 * Assisted contracts and monthly reports, in the browser: the referent records the contract a CDDI
 * stage carries; the integration company's supervisor files the month's reports of her employees in
 * one go (all or none: a row over the contract's hours stops them all, and says so on that row);
 * the referent then reads the report on the stage. The browser tests share one server and database:
 * Fatima's CDDI stage is the demo's, told by its summary from the one a hire in job-offers adds.
 */
describe.runIf(chromiumAvailable())('an integration company reports on its employees each month', () => {
  const suite = browserSuite();

  it('from the contract on the stage to the reports filed, and back on the file', async () => {
    // The demo's days, as of today; the month just ended, as the page offers it by default.
    const story = storyCalendar(parisDay());
    const period = parisDay(-1).slice(0, 7);
    const monthLabel = new Intl.DateTimeFormat('fr-FR', { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(new Date(`${period}-01T00:00:00Z`));

    // Set-up through the API: the demo people's ids, and Aminata's contract (24 h a week on her ACI stage).
    const gql = await apiSession(suite.server.url, 'nadia@grenoble.demo');
    type Found = { participants: { edges: Array<{ node: { id: string; lastName: string; currentPathway: { id: string } | null } }> } };
    const find = async (lastName: string) => {
      const data = await gql<Found>(
        'query($search: String) { participants(filter: { search: $search }, page: { first: 5 }) { edges { node { id lastName currentPathway { id } } } } }',
        { search: lastName },
      );
      return data.participants.edges.map((e) => e.node).find((p) => p.lastName === lastName)!;
    };
    const fatima = await find('Kaci');
    const aminata = await find('Sow');
    const kevin = await find('Roussel');
    const { stages } = await gql<{ stages: Array<{ id: string; kind: { code: string } }> }>(
      'query($pathwayId: ID!) { stages(pathwayId: $pathwayId) { id kind { code } } }',
      { pathwayId: aminata.currentPathway!.id },
    );
    await gql('mutation($input: SetAssistedContractInput!) { setAssistedContract(input: $input) { id } }', {
      input: {
        stageId: stages.find((s) => s.kind.code === 'IAE_CDDI_ACI')!.id,
        contractType: 'CDDI',
        startOn: story.day('2026-04-01'),
        endOn: story.day('2026-12-31'),
        weeklyHours: 24,
        position: 'Agente d’entretien des espaces verts',
      },
    });

    // Nadia records Fatima's contract on her CDDI stage.
    const nadia = await logIn(suite.browser, suite.server.url, 'nadia@grenoble.demo', 900);
    await nadia.goto(`${suite.server.url}/participants/${fatima.id}`);
    await nadia.getByRole('heading', { name: 'Fatima Kaci', level: 1 }).waitFor();
    await nadia.getByRole('tab', { name: "Plan d'action" }).click();
    const stage = nadia
      .getByRole('listitem')
      .filter({ has: nadia.getByRole('heading', { name: CDDI_STAGE }) })
      .filter({ hasText: 'Ouvrière maraîchère, 26 h par semaine' });
    const contractRegion = stage.getByRole('region', { name: 'Contrat aidé' });
    await contractRegion.getByText('Aucun contrat renseigné pour cette étape.').waitFor();
    await contractRegion.getByRole('button', { name: 'Renseigner le contrat' }).click();
    const dialog = nadia.getByRole('dialog', { name: `Renseigner le contrat — ${CDDI_STAGE}` });
    await dialog.waitFor();
    expect(await dialog.getByRole('combobox', { name: 'Type de contrat' }).inputValue()).toBe('CDDI');
    // The stage's operator employs her unless another employer is chosen; the stage's dates come first.
    expect(await dialog.getByRole('combobox', { name: 'Employeur' }).inputValue()).toBe('');
    expect(await dialog.getByRole('textbox', { name: 'Début du contrat' }).inputValue()).toBe(story.day('2026-09-01'));
    await dialog.getByRole('textbox', { name: 'Fin prévue (facultatif)' }).fill(story.day('2027-02-28'));
    await dialog.getByRole('textbox', { name: 'Heures par semaine' }).fill('26');
    await dialog.getByRole('textbox', { name: 'Poste occupé' }).fill('Ouvrière maraîchère');
    await dialog.getByRole('searchbox', { name: 'Rechercher un métier' }).fill('aide maraîchère');
    const trade = dialog.getByRole('combobox', { name: 'Métier (ROME)' });
    await trade.locator('option[value="A1402"]').waitFor({ state: 'attached' });
    await trade.selectOption('A1402');
    await dialog.getByRole('button', { name: 'Enregistrer le contrat' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await contractRegion.getByText('Ouvrière maraîchère').waitFor();
    await contractRegion.getByText(ACI).waitFor();
    await contractRegion.getByText('Aucun compte rendu mensuel déposé.').waitFor();
    await contractRegion.getByRole('button', { name: 'Corriger le contrat' }).waitFor();

    // Karim (the ACI's supervisor) opens the month just ended: Fatima and Aminata, not Kévin (no consent to the ACI).
    const karim = await logIn(suite.browser, suite.server.url, 'karim@grenoble.demo', 768);
    await karim.getByRole('navigation', { name: 'Navigation principale' }).getByRole('link', { name: 'Comptes rendus mensuels' }).click();
    await karim.getByRole('heading', { name: 'Comptes rendus mensuels', level: 1 }).waitFor();
    expect(await karim.getByRole('combobox', { name: 'Mois' }).inputValue()).toBe(period);
    const table = karim.getByRole('table', { name: `Comptes rendus de ${monthLabel}` });
    const fatimaRow = table.getByRole('row').filter({ hasText: 'Fatima Kaci' });
    const aminataRow = table.getByRole('row').filter({ hasText: 'Aminata Sow' });
    await fatimaRow.getByText('Ouvrière maraîchère').waitFor();
    await aminataRow.waitFor();
    expect(await table.getByRole('row').filter({ hasText: 'Roussel' }).count()).toBe(0);

    // Fatima's month, over the hours her contract allows; Aminata's, right.
    const hoursWorked = karim.getByRole('textbox', { name: 'Heures travaillées — Fatima Kaci' });
    await hoursWorked.fill('200');
    await karim.getByRole('textbox', { name: 'Heures de formation — Fatima Kaci' }).fill('6');
    await karim.getByRole('textbox', { name: 'Thèmes de formation — Fatima Kaci' }).fill('Sécurité au travail');
    await karim.getByRole('textbox', { name: "Heures d'absence — Fatima Kaci" }).fill('7,5');
    await karim.getByRole('textbox', { name: "Motif d'absence — Fatima Kaci" }).fill('Rendez-vous médical');
    await karim.getByRole('textbox', { name: 'Commentaire — Fatima Kaci' }).fill('Bonne intégration dans l’équipe.');
    const details = karim.getByRole('button', { name: 'Détails — Fatima Kaci' });
    await details.click();
    expect(await details.getAttribute('aria-expanded')).toBe('true');
    await karim.getByRole('button', { name: 'Ajouter une compétence' }).click();
    await karim.getByRole('textbox', { name: 'Compétence 1 — Fatima Kaci' }).fill('Ponctualité');
    await karim.getByRole('combobox', { name: 'Niveau de la compétence 1 — Fatima Kaci' }).selectOption({ label: 'Acquise' });
    const obstacles = karim.getByRole('group', { name: 'Freins rencontrés — Fatima Kaci' });
    await obstacles.getByRole('checkbox', { name: 'Mobilité' }).check();
    expect(await obstacles.getByRole('checkbox', { name: 'Santé' }).count()).toBe(0);
    // 96 h: what her 24 h a week allow in February, the shortest month the last one may be.
    await karim.getByRole('textbox', { name: 'Heures travaillées — Aminata Sow' }).fill('96');

    // One call, all or none: the API refuses Fatima's row, nothing is filed, the message is on her hours.
    await karim.getByRole('button', { name: 'Déposer les comptes rendus' }).click();
    await karim.getByRole('alert').filter({ hasText: "Aucun compte rendu n'a été déposé" }).waitFor();
    expect(await hoursWorked.getAttribute('aria-invalid')).toBe('true');
    const message = karim.locator(`#${await hoursWorked.getAttribute('aria-describedby')}`);
    expect(await message.textContent()).toMatch(/^\s*Fatima K\. : le contrat permet au plus .+ heures ce mois-ci\.\s*$/);
    expect(await karim.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe('Heures travaillées — Fatima Kaci');
    expect(await karim.getByRole('textbox', { name: 'Heures travaillées — Aminata Sow' }).inputValue()).toBe('96');
    // The demo's other employees may have their month filed already: nothing of these two is.
    expect(await fatimaRow.getByText('Déposé', { exact: true }).count()).toBe(0);
    expect(await aminataRow.getByText('Déposé', { exact: true }).count()).toBe(0);

    // Corrected (under any month's limit: 104 h in February), both are filed together; the rows now show what was filed.
    await hoursWorked.fill('100');
    await karim.getByRole('button', { name: 'Déposer les comptes rendus' }).click();
    await karim.getByText('2 comptes rendus déposés').waitFor();
    await fatimaRow.getByText('Déposé', { exact: true }).waitFor();
    await aminataRow.getByText('Déposé', { exact: true }).waitFor();
    await fatimaRow.getByText('100 h').waitFor();
    expect(await karim.getByRole('textbox', { name: 'Heures travaillées — Fatima Kaci' }).count()).toBe(0);
    expect(await karim.getByRole('textbox', { name: 'Heures travaillées — Aminata Sow' }).count()).toBe(0);

    // Aminata's contract is renewed by three months (from her row's details).
    await aminataRow.getByRole('button', { name: 'Détails — Aminata Sow' }).click();
    await table.getByRole('button', { name: 'Renouveler le contrat — Aminata Sow' }).click();
    const renew = karim.getByRole('dialog', { name: 'Renouveler le contrat — Aminata Sow' });
    await renew.getByRole('textbox', { name: 'Nouvelle date de fin' }).fill(story.day('2027-03-31'));
    await renew.getByRole('button', { name: 'Renouveler le contrat' }).click();
    await renew.waitFor({ state: 'hidden' });
    await aminataRow.getByText(`au ${story.day('2027-03-31').split('-').reverse().join('/')}`, { exact: false }).waitFor();

    // Kévin shares nothing with the ACI: his file stays out of reach, even by its address.
    await karim.goto(`${suite.server.url}/partenaire/personnes/${kevin.id}`);
    await karim.getByRole('heading', { name: 'Cette personne ne vous est pas (ou plus) partagée.' }).waitFor();
    expect(await karim.getByText('Roussel').count()).toBe(0);

    // Nadia sees Fatima's report on the stage.
    await nadia.reload();
    await nadia.getByRole('tab', { name: "Plan d'action" }).click();
    const reports = stage.getByRole('table', { name: `Comptes rendus mensuels — ${CDDI_STAGE}` });
    const reportRow = reports.getByRole('row').filter({ hasText: monthLabel });
    await reportRow.getByText('100 h').waitFor();
    await reportRow.getByText('Sécurité au travail').waitFor();
    await reportRow.getByText('Ponctualité : Acquise').waitFor();
    await reportRow.getByText('Mobilité').waitFor();
    await reportRow.getByText(ACI).waitFor();

    // She corrects the contract (the version read goes with it): the tutor is now known.
    await contractRegion.getByRole('button', { name: 'Corriger le contrat' }).click();
    const correct = nadia.getByRole('dialog', { name: `Corriger le contrat — ${CDDI_STAGE}` });
    expect(await correct.getByRole('textbox', { name: 'Heures par semaine' }).inputValue()).toBe('26');
    await correct.getByRole('textbox', { name: 'Tuteur ou tutrice (facultatif)' }).fill('Marc Vial');
    await correct.getByRole('button', { name: 'Enregistrer le contrat' }).click();
    await correct.waitFor({ state: 'hidden' });
    await contractRegion.getByText('Marc Vial').waitFor();
    await contractRegion.getByRole('button', { name: 'Fin de contrat' }).waitFor();
  });
});
