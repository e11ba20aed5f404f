import { describe, expect, it } from 'vitest';
import { CONSENT_NOTICE_VERSION } from '@jalon/domain';
import { chromiumAvailable } from './support/browser';
import { browserSuite } from './support/browser-suite';
import { actFor, apiSession, logIn, parisDay } from './support/demo-session';

const OPERATOR = 'Formations Chartreuse';
const TRAINING = 'Formation certifiante';

/**
 * Training attendance and results, in the browser: the training operator records last month's
 * attendance of the trainees who agreed to its reports in one go (all or none: hours attended over
 * the hours planned stop them all, and say so on that row), then how the training ended; the
 * referent reads both on the training stage. The browser tests share one server and its database.
 */
describe.runIf(chromiumAvailable())('a training operator reports on its trainees each month', () => {
  const suite = browserSuite();

  it('from the attendance typed to the result, and back on the file', async () => {
    // The month just ended, as the page offers it by default.
    const period = parisDay(-1).slice(0, 7);
    const monthLabel = new Intl.DateTimeFormat('fr-FR', { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(new Date(`${period}-01T00:00:00Z`));

    // Set-up through the API, as Nadia: Kevin and Aminata each start a training run by the operator two months ago;
    // only Kevin agrees to its reports (the « TRAINING » preset, for that stage).
    const gql = await apiSession(suite.server.url, 'nadia@grenoble.demo');
    type Found = { participants: { edges: Array<{ node: { id: string; lastName: string; currentPathway: { id: string } | null } }> } };
    const find = async (lastName: string) => {
      const data = await gql<Found>(
        'query($search: String) { participants(filter: { search: $search }, page: { first: 5 }) { edges { node { id lastName currentPathway { id } } } } }',
        { search: lastName },
      );
      return data.participants.edges.map((e) => e.node).find((p) => p.lastName === lastName)!;
    };
    const kevin = await find('Roussel');
    const aminata = await find('Sow');
    const { organisations } = await gql<{ organisations: { edges: Array<{ node: { id: string; name: string } }> } }>(
      'query($filter: OrganisationFilter) { organisations(filter: $filter) { edges { node { id name } } } }',
      { filter: { search: OPERATOR } },
    );
    const operatorId = organisations.edges.map((e) => e.node).find((o) => o.name === OPERATOR)!.id;
    const { stageKinds } = await gql<{ stageKinds: Array<{ id: string; code: string }> }>('{ stageKinds { id code } }');
    const kindId = (code: string) => stageKinds.find((k) => k.code === code)!.id;
    const addTraining = async (pathwayId: string, code: string) =>
      (
        await gql<{ addStage: { id: string } }>('mutation($input: AddStageInput!) { addStage(input: $input) { id } }', {
          input: { pathwayId, kindId: kindId(code), operatorId, plannedStart: `${parisDay(-2).slice(0, 7)}-01`, plannedEnd: parisDay(2) },
        })
      ).addStage.id;
    const kevinStageId = await addTraining(kevin.currentPathway!.id, 'TRAINING_CERTIFYING');
    await addTraining(aminata.currentPathway!.id, 'TRAINING_LANGUAGE');
    await gql('mutation($input: GrantConsentInput!) { grantConsent(input: $input) { id } }', {
      input: {
        participantId: kevin.id,
        granteeOrganisationId: operatorId,
        dataClasses: ['STAGE_LIST', 'STAGE_DETAILS', 'TRAINING_REPORTS'],
        purpose: 'TRAINING_FOLLOW_UP',
        stageIds: [kevinStageId],
        method: 'SIGNED_FORM',
        collectedOn: parisDay(),
        noticeVersion: CONSENT_NOTICE_VERSION,
      },
    });

    // Claire works for the operator in two PLIEs: she acts for the one in Grenoble.
    const claire = await logIn(suite.browser, suite.server.url, 'claire@formation.demo', 768);
    await actFor(claire, 'PLIE Grenoble Alpes Métropole');

    // Last month: Kevin, not Aminata (no consent to the operator).
    await claire.getByRole('navigation', { name: 'Navigation principale' }).getByRole('link', { name: 'Suivi des formations' }).click();
    await claire.getByRole('heading', { name: 'Suivi des formations', level: 1 }).waitFor();
    expect(await claire.getByRole('combobox', { name: 'Mois' }).inputValue()).toBe(period);
    const table = claire.getByRole('table', { name: `Présences de ${monthLabel}` });
    const kevinRow = table.getByRole('row').filter({ hasText: 'Kevin Roussel' });
    await kevinRow.getByText(TRAINING).waitFor();
    expect(await table.getByRole('row').filter({ hasText: 'Sow' }).count()).toBe(0);

    // More hours attended than planned: the API refuses, nothing is recorded, the message is on Kevin's hours attended.
    const planned = claire.getByRole('textbox', { name: 'Heures prévues — Kevin Roussel' });
    const attended = claire.getByRole('textbox', { name: 'Heures suivies — Kevin Roussel' });
    await planned.fill('70');
    await attended.fill('80');
    await claire.getByRole('textbox', { name: "Motif d'absence — Kevin Roussel" }).fill('Rendez-vous à France Travail');
    await claire.getByRole('button', { name: 'Enregistrer les présences' }).click();
    await claire.getByRole('alert').filter({ hasText: "Aucune présence n'a été enregistrée" }).waitFor();
    expect(await attended.getAttribute('aria-invalid')).toBe('true');
    const message = claire.locator(`#${await attended.getAttribute('aria-describedby')}`);
    expect(await message.textContent()).toMatch(/^\s*Kevin R\. : les heures suivies dépassent les heures prévues\.\s*$/);
    expect(await claire.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe('Heures suivies — Kevin Roussel');
    expect(await kevinRow.getByText('Saisi', { exact: true }).count()).toBe(0);

    // Corrected, it is recorded: the row now shows the figures, read only.
    await attended.fill('62,5');
    expect(await attended.getAttribute('aria-invalid')).toBeNull();
    await claire.getByRole('button', { name: 'Enregistrer les présences' }).click();
    await claire.getByText('1 présence enregistrée').waitFor();
    await kevinRow.getByText('Saisi', { exact: true }).waitFor();
    await kevinRow.getByText('62,5 h').waitFor();
    await kevinRow.getByText('70 h').waitFor();
    expect(await claire.getByRole('textbox', { name: 'Heures suivies — Kevin Roussel' }).count()).toBe(0);

    // The result: certified; the certification is asked for, then recorded.
    await kevinRow.getByRole('button', { name: 'Résultat — Kevin Roussel' }).click();
    const dialog = claire.getByRole('dialog', { name: 'Résultat de la formation' });
    await dialog.waitFor();
    await dialog.getByRole('radio', { name: 'Certifiée' }).check();
    await dialog.getByRole('textbox', { name: 'Dernier jour de formation' }).fill(parisDay(0, -1));
    await dialog.getByRole('button', { name: 'Enregistrer le résultat' }).click();
    const certification = dialog.getByRole('textbox', { name: 'Certification obtenue' });
    expect(await certification.getAttribute('aria-invalid')).toBe('true');
    await certification.fill('Titre professionnel Agent de propreté et d’hygiène');
    await dialog.getByRole('button', { name: 'Enregistrer le résultat' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await kevinRow.getByText('Certifiée', { exact: true }).waitFor();
    await kevinRow.getByText('Titre professionnel Agent de propreté et d’hygiène').waitFor();

    // Nadia sees the attendance and the result on Kevin's training stage.
    const nadia = await logIn(suite.browser, suite.server.url, 'nadia@grenoble.demo', 900);
    await nadia.goto(`${suite.server.url}/participants/${kevin.id}`);
    await nadia.getByRole('heading', { name: 'Kevin Roussel', level: 1 }).waitFor();
    await nadia.getByRole('tab', { name: "Plan d'action" }).click();
    const stage = nadia.getByRole('listitem').filter({ has: nadia.getByRole('heading', { name: TRAINING }) });
    const region = stage.getByRole('region', { name: 'Suivi de la formation' });
    await region.getByText('Certifiée', { exact: true }).waitFor();
    await region.getByText('Titre professionnel Agent de propreté et d’hygiène').waitFor();
    const row = region
      .getByRole('table', { name: `Présences — ${TRAINING}` })
      .getByRole('row')
      .filter({ hasText: monthLabel });
    await row.getByText('70 h').waitFor();
    await row.getByText('62,5 h').waitFor();
    await row.getByText('Rendez-vous à France Travail').waitFor();
    await row.getByText(OPERATOR).waitFor();
    expect(await region.getByRole('textbox').count()).toBe(0);
    expect(await region.getByRole('button').count()).toBe(0);
  });
});
