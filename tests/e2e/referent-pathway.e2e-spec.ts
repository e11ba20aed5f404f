import { describe, expect, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { chromiumAvailable } from './support/browser';
import { browserSuite } from './support/browser-suite';
import { logIn, parisDay } from './support/demo-session';

/** The Monday of the week of a YYYY-MM-DD day. */
function mondayOf(day: string): string {
  const date = new Date(`${day}T12:00:00Z`);
  const back = (date.getUTCDay() + 6) % 7;
  return new Date(date.getTime() - back * 86_400_000).toISOString().slice(0, 10);
}

describe.runIf(chromiumAvailable())('a referent follows a pathway from referral to closing', () => {
  const suite = browserSuite();

  /** Opens a status change of the pathway tab, fills its date and confirms. */
  async function changeStatus(page: Page, action: string, dateLabel: string, date: string, fill?: (dialog: Locator) => Promise<void>) {
    await page.getByRole('group', { name: 'Changer le statut du parcours' }).getByRole('button', { name: action }).click();
    const dialog = page.getByRole('dialog', { name: action });
    await dialog.getByLabel(dateLabel).fill(date);
    if (fill) await fill(dialog);
    await dialog.getByRole('button', { name: 'Confirmer' }).click();
    await dialog.waitFor({ state: 'hidden' });
  }

  // One story across the whole pathway, referral to closing: about a minute, more on a busy machine.
  it('Nadia takes Awa from referral through diagnosis, contract, stages, appointments, exit into a job and follow-up', async () => {
    const nadia = await logIn(suite.browser, suite.server.url, 'nadia@grenoble.demo');
    const lastName = `Traoré${Date.now() % 100000}`;
    const fullName = `Awa ${lastName}`;

    // Referral, ten months ago.
    await nadia.getByRole('navigation', { name: 'Navigation principale' }).getByRole('link', { name: 'Mes participants' }).click();
    await nadia.getByRole('link', { name: 'Nouveau participant' }).click();
    await nadia.getByRole('heading', { name: 'Nouveau participant' }).waitFor();
    // Sent empty: every missing field is said, and the keyboard lands on the first.
    await nadia.getByRole('button', { name: 'Créer le dossier' }).click();
    await expect.poll(() => nadia.evaluate(() => document.activeElement?.id)).toBe('new-first-name');
    expect(await nadia.getByText('Ce champ est obligatoire.').count()).toBeGreaterThanOrEqual(3);
    await nadia.getByLabel('Prénom').fill('Awa');
    await nadia.getByLabel('Nom', { exact: true }).fill(lastName);
    await nadia.getByLabel('Date de naissance').fill('1988-03-14');
    await nadia.getByRole('group', { name: 'Genre' }).getByLabel('Femme').check();
    await nadia.getByLabel("Date d'orientation").fill(parisDay(-10));
    await nadia.getByRole('button', { name: 'Créer le dossier' }).click();
    await nadia.getByRole('heading', { name: fullName }).waitFor();

    // The same person again: the file is not created until Nadia says it is someone else.
    await nadia.goBack();
    await nadia.getByRole('heading', { name: 'Nouveau participant' }).waitFor();
    await nadia.getByLabel('Prénom').fill('Awa');
    await nadia.getByLabel('Nom', { exact: true }).fill(lastName);
    await nadia.getByLabel('Date de naissance').fill('1988-03-14');
    await nadia.getByRole('button', { name: 'Créer le dossier' }).click();
    await nadia.getByText("Cochez cette case si vous avez vérifié qu'il s'agit d'une autre personne.").waitFor();
    await nadia.getByText('Une personne du même nom et de même date de naissance est déjà suivie').waitFor();
    await nadia.goForward();
    await nadia.getByRole('heading', { name: fullName }).waitFor();

    // In the caseload: waiting for accreditation, ESF+ data missing.
    const caseload = nadia.getByRole('table', { name: 'Liste des participants' });
    const row = caseload.getByRole('row').filter({ hasText: lastName });
    // Nadia follows some 70 people: her caseload is searched for Awa, as she would.
    const openCaseload = async () => {
      await nadia.getByRole('link', { name: 'Mes participants' }).first().click();
      await nadia.getByRole('searchbox', { name: 'Rechercher un participant' }).fill(lastName);
      await nadia.waitForURL((url) => url.searchParams.get('q') === lastName);
    };
    await openCaseload();
    await row.getByText("En attente d'agrément", { exact: true }).waitFor();
    await row.getByText('Données FSE+ incomplètes').waitFor();
    await caseload.getByRole('link', { name: `${lastName} Awa` }).click();
    await nadia.getByRole('heading', { name: fullName }).waitFor();

    // ESF+ situation at entry.
    await nadia.getByRole('tab', { name: 'Parcours' }).click();
    await nadia.getByRole('button', { name: "Modifier la situation à l'entrée" }).click();
    await nadia.getByLabel('Situation professionnelle').selectOption({ label: "Demandeur d'emploi de longue durée" });
    await nadia.getByLabel('Niveau de formation (CITE 2011)').selectOption('3');
    for (const question of [
      'Situation de handicap',
      'Ressortissant de pays tiers (hors Union européenne)',
      'Origine étrangère',
      'Appartenance à une minorité',
      'Sans-abri ou exclusion du logement',
      'Vit en zone rurale',
    ]) {
      await nadia.getByRole('group', { name: question }).getByLabel('Non', { exact: true }).check();
    }
    await nadia.getByRole('button', { name: 'Enregistrer la situation' }).click();
    await nadia.getByText("La situation à l'entrée est enregistrée.").waitFor();
    await openCaseload();
    await row.getByText("En attente d'agrément", { exact: true }).waitFor();
    expect(await row.getByText('Données FSE+ incomplètes').count()).toBe(0);
    await caseload.getByRole('link', { name: `${lastName} Awa` }).click();

    // Diagnosis: obstacles with notes, health flagged as sensitive.
    await nadia.getByRole('tab', { name: 'Diagnostic, projet et contrat' }).click();
    await nadia.getByText("Le diagnostic n'a pas encore été réalisé.").waitFor();
    await nadia.getByRole('button', { name: 'Établir le diagnostic' }).click();
    await nadia.getByLabel('Date du diagnostic').fill(parisDay(-10, 5));
    await nadia.getByLabel('Atouts').fill('Expérience en aide à domicile, très motivée');
    await nadia.getByRole('checkbox', { name: 'Mobilité' }).check();
    await nadia.getByLabel('Précision : Mobilité').fill('Pas de permis B');
    await nadia.getByRole('checkbox', { name: 'Santé' }).check();
    await nadia.getByLabel('Besoins').fill('Financer le permis, trouver une formation qualifiante');
    await nadia.getByRole('button', { name: 'Enregistrer le diagnostic' }).click();
    await nadia.getByText('Mobilité — Pas de permis B').waitFor();
    const health = nadia.getByRole('listitem').filter({ hasText: 'Santé' });
    await health.getByText('donnée sensible').waitFor();

    // The commitment contract, signed by the three parties.
    await nadia.getByRole('button', { name: 'Établir le contrat' }).click();
    const contract = nadia.getByRole('dialog', { name: 'Établir le contrat' });
    await contract.getByLabel('Objectifs').fill('Obtenir le permis B\nEntrer en formation d’aide-soignante');
    await contract.getByLabel('Date de début').fill(parisDay(-10, 7));
    await contract.getByLabel('Date de révision').fill(parisDay(-4));
    await contract.getByLabel('Signé par le participant le').fill(parisDay(-10, 7));
    await contract.getByLabel('Signé par le référent le').fill(parisDay(-10, 7));
    await contract.getByLabel("Signé par l'équipe d'animation le").fill(parisDay(-10, 8));
    await contract.getByRole('button', { name: 'Enregistrer le contrat' }).click();
    await contract.waitFor({ state: 'hidden' });
    await nadia.getByText('Signé par les trois parties').waitFor();
    await nadia.getByRole('button', { name: 'Avenant au contrat' }).waitFor();

    // Entry validated by the commission: the pathway is active.
    await nadia.getByRole('tab', { name: 'Parcours' }).click();
    await changeStatus(nadia, "Valider l'entrée", "Date d'entrée", parisDay(-9));
    await nadia.getByRole('heading', { name: 'Parcours en cours — n° 1' }).waitFor();
    await nadia.locator('.participant-header').getByText('Actif', { exact: true }).waitFor();

    // Two stages in the action plan; the first one done.
    await nadia.getByRole('tab', { name: "Plan d'action" }).click();
    await nadia.getByText("Aucune étape n'est encore prévue dans ce parcours.").waitFor();
    await nadia.getByRole('button', { name: 'Ajouter une étape' }).click();
    let stage = nadia.getByRole('dialog', { name: 'Ajouter une étape' });
    await stage.getByLabel("Type d'étape").selectOption({ label: 'Formation linguistique (FLE)' });
    await stage.getByLabel('Organisme').selectOption({ label: 'Langues et Compétences Isère' });
    await stage.getByLabel('Début prévu').fill(parisDay(-9, 3));
    await stage.getByLabel('Fin prévue (facultatif)').fill(parisDay(-8, 3));
    await stage.getByLabel('Résumé partageable').fill('Remise à niveau en français écrit');
    await stage.getByLabel('Notes privées — jamais partagées').fill('Appréhende les écrits administratifs');
    await stage.getByRole('button', { name: "Ajouter l'étape" }).click();
    await stage.waitFor({ state: 'hidden' });
    await nadia.getByRole('heading', { name: 'Formation linguistique (FLE)' }).waitFor();

    await nadia.getByRole('button', { name: 'Ajouter une étape' }).click();
    stage = nadia.getByRole('dialog', { name: 'Ajouter une étape' });
    await stage.getByLabel("Type d'étape").selectOption({ label: 'Formation certifiante' });
    await stage.getByLabel('Organisme').selectOption({ label: 'Formations Chartreuse' });
    await stage.getByLabel('Début prévu').fill(parisDay(-8, 10));
    await stage.getByLabel('Rechercher un métier').fill('aide-soignant');
    await stage.getByLabel('Métier visé (ROME)').locator('option', { hasText: 'J1501' }).waitFor({ state: 'attached' });
    await stage.getByLabel('Métier visé (ROME)').selectOption('J1501');
    await stage.getByLabel('Résumé partageable').fill('Préparation au diplôme d’aide-soignante');
    await stage.getByRole('button', { name: "Ajouter l'étape" }).click();
    await stage.waitFor({ state: 'hidden' });
    const timeline = nadia.getByRole('list', { name: 'Étapes du parcours, par date de début prévue' });
    await timeline.getByText('J1501 — Aide-soignant / Aide-soignante').waitFor();
    // The stages' titles, in order (each training stage also holds its follow-up, a heading below).
    expect(await timeline.getByRole('heading', { level: 3 }).allTextContents()).toEqual(['Formation linguistique (FLE)', 'Formation certifiante']);
    await timeline.getByText('Notes privées — jamais partagées').waitFor();

    await nadia.getByRole('button', { name: "Modifier l'étape Formation linguistique (FLE)" }).click();
    const edit = nadia.getByRole('dialog', { name: "Modifier l'étape" });
    await edit.getByLabel("Statut de l'étape").selectOption({ label: 'Terminée' });
    await edit.getByRole('button', { name: "Enregistrer l'étape" }).click();
    await edit.getByText('Indiquez la date de début effectif pour ce statut.').waitFor();
    await edit.getByLabel('Début effectif').fill(parisDay(-9, 3));
    await edit.getByLabel('Fin effective').fill(parisDay(-8, 1));
    await edit.getByLabel('Résultat').fill('Niveau A2 validé');
    await edit.getByRole('button', { name: "Enregistrer l'étape" }).click();
    await edit.waitFor({ state: 'hidden' });
    await timeline.getByRole('listitem').filter({ hasText: 'Formation linguistique (FLE)' }).getByText('Terminée', { exact: true }).waitFor();

    // An appointment, held: Awa was there.
    await nadia.getByRole('tab', { name: 'Rendez-vous' }).click();
    await nadia.getByText("Aucun rendez-vous pour l'instant.").waitFor();
    await nadia.getByRole('button', { name: 'Planifier un rendez-vous' }).click();
    const booking = nadia.getByRole('dialog', { name: 'Planifier un rendez-vous' });
    await booking.getByLabel('Date', { exact: true }).fill(parisDay(-8, 15));
    // Over lunch: the demo books its referents' appointments in the morning and from 14:00, never then.
    await booking.getByLabel('Heure de début').fill('13:15');
    await booking.getByLabel('Heure de fin').fill('13:55');
    await booking.getByRole('button', { name: 'Planifier le rendez-vous' }).click();
    await booking.waitFor({ state: 'hidden' });
    const attendance = nadia.getByRole('group', { name: /^Présence au rendez-vous du / });
    await attendance.getByRole('button', { name: 'Présent', exact: true }).click();
    await nadia.getByText('(Présent)').waitFor();
    await nadia.getByText('Tenu', { exact: true }).waitFor();

    // A private note in the journal.
    await nadia.getByRole('tab', { name: 'Journal' }).click();
    await nadia.getByRole('button', { name: 'Ajouter une note' }).click();
    await nadia.getByLabel('Note', { exact: true }).fill('Promesse d’embauche en CDI à la résidence Les Tilleuls.');
    await nadia.getByRole('button', { name: 'Enregistrer la note' }).click();
    await nadia.getByText('Promesse d’embauche en CDI à la résidence Les Tilleuls.').waitFor();

    // Exit into a permanent job seven months ago: the in-job follow-up opens.
    await nadia.getByRole('tab', { name: 'Parcours' }).click();
    await changeStatus(nadia, 'Enregistrer la sortie', 'Date de sortie', parisDay(-7), async (dialog) => {
      await dialog.getByLabel('Type de sortie').selectOption({ label: 'CDI' });
    });
    await nadia.locator('.participant-header').getByText("Suivi dans l'emploi", { exact: true }).waitFor();
    await openCaseload();
    await row.getByText("Suivi dans l'emploi", { exact: true }).waitFor();
    await row.getByText("Point de suivi dans l'emploi à faire").waitFor();
    await caseload.getByRole('link', { name: `${lastName} Awa` }).click();
    await nadia.getByRole('tab', { name: 'Parcours' }).click();

    // The check-ins at 1, 3 and 6 months, all due.
    for (const months of [1, 3, 6]) {
      await nadia.getByRole('button', { name: `Enregistrer le point à ${months} mois` }).click();
      const checkIn = nadia.getByRole('dialog', { name: `Point de suivi à ${months} mois` });
      await checkIn.getByLabel('Date du point').fill(parisDay(-7 + months, 2));
      await checkIn.getByRole('group', { name: 'La personne est-elle toujours en emploi ?' }).getByLabel('Oui').check();
      await checkIn.getByLabel('Employeur (facultatif)').fill('Résidence Les Tilleuls');
      await checkIn.getByRole('button', { name: 'Enregistrer le point' }).click();
      await checkIn.waitFor({ state: 'hidden' });
      await nadia.getByRole('button', { name: `Modifier le point à ${months} mois` }).waitFor();
    }

    // Closing, the positive exit validated.
    await changeStatus(nadia, 'Clôturer le parcours', 'Date de clôture', parisDay(), async (dialog) => {
      await dialog.getByRole('group', { name: 'La sortie positive est-elle validée ?' }).getByLabel('Oui').check();
    });
    await nadia.locator('.participant-header').getByText('Clôturé', { exact: true }).waitFor();
    await nadia.getByText('Sortie positive validée', { exact: true }).waitFor();

    await openCaseload();
    await row.getByText('Clôturé', { exact: true }).waitFor();
    expect(await row.getByText("Point de suivi dans l'emploi à faire").count()).toBe(0);
  }, 180_000);
  it('Nadia books a collective session from her agenda; the animation team sees it in her agenda', async () => {
    const nadia = await logIn(suite.browser, suite.server.url, 'nadia@grenoble.demo');
    const suffix = Date.now() % 100000;
    for (const firstName of ['Inès', 'Karim']) {
      await nadia.goto(`${suite.server.url}/participants/new`);
      await nadia.getByLabel('Prénom').fill(firstName);
      await nadia.getByLabel('Nom', { exact: true }).fill(`Atelier${suffix}`);
      await nadia.getByLabel('Date de naissance').fill('1995-06-02');
      await nadia
        .getByRole('group', { name: 'Genre' })
        .getByLabel(firstName === 'Inès' ? 'Femme' : 'Homme')
        .check();
      await nadia.getByRole('button', { name: 'Créer le dossier' }).click();
      await nadia.getByRole('heading', { name: `${firstName} Atelier${suffix}` }).waitFor();
    }

    await nadia.getByRole('navigation', { name: 'Navigation principale' }).getByRole('link', { name: 'Agenda' }).click();
    await nadia.getByRole('heading', { name: 'Agenda', exact: true }).waitFor();
    await nadia.getByRole('button', { name: 'Semaine suivante' }).click();
    const monday = mondayOf(parisDay(0, 7));
    await expect.poll(() => nadia.url()).toContain(`date=${parisDay(0, 7)}`);
    const ics = await nadia.getByRole('link', { name: 'Exporter (.ics)' }).getAttribute('href');
    expect(ics).toContain(`from=${encodeURIComponent(`${monday}T00:00:00`)}`);

    await nadia.getByRole('button', { name: 'Nouvelle action collective' }).click();
    const dialog = nadia.getByRole('dialog', { name: 'Nouvelle action collective' });
    await dialog.getByLabel('Intitulé').fill('Atelier CV et lettre de motivation');
    await dialog.getByLabel('Rechercher un participant à inscrire').fill(`Atelier${suffix}`);
    await dialog.getByRole('button', { name: `Inscrire Inès Atelier${suffix}` }).click();
    await dialog.getByRole('button', { name: `Inscrire Karim Atelier${suffix}` }).click();
    await dialog.getByRole('button', { name: `Retirer Karim Atelier${suffix}` }).waitFor();
    await dialog.getByLabel('Date', { exact: true }).fill(monday);
    // Early evening: the demo's appointments and workshops end by 18:00, so the slot is free whatever the date.
    await dialog.getByLabel('Heure de début').fill('18:00');
    await dialog.getByLabel('Heure de fin').fill('19:30');
    await dialog.getByLabel('Lieu').selectOption({ label: 'Au bureau' });
    await dialog.getByRole('button', { name: "Planifier l'action collective" }).click();
    await dialog.waitFor({ state: 'hidden' });
    const session = nadia.getByRole('listitem').filter({ hasText: 'Atelier CV et lettre de motivation' }).last();
    await session.getByText('18:00 – 19:30').waitFor();
    await session.getByRole('link', { name: `Inès Atelier${suffix}` }).waitFor();

    // The animation team looks at Nadia's agenda.
    const marc = await logIn(suite.browser, suite.server.url, 'marc@grenoble.demo');
    await marc.getByRole('navigation', { name: 'Navigation principale' }).getByRole('link', { name: 'Agenda' }).click();
    await marc.getByText('Choisissez un référent pour voir son agenda.').waitFor();
    await marc.getByLabel('Référent', { exact: true }).selectOption({ label: 'Nadia Benali — Association Passerelles Emploi' });
    await marc.getByRole('button', { name: 'Semaine suivante' }).click();
    await marc.getByText('Atelier CV et lettre de motivation').waitFor();
    await marc.getByRole('button', { name: 'Jour', exact: true }).click();
    await marc.getByRole('button', { name: 'Jour suivant' }).waitFor();
  });
});
