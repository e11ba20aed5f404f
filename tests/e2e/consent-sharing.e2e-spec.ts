import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { CONSENT_NOTICE_VERSION } from '@jalon/domain';
import { chromiumAvailable } from './support/browser';
import { browserSuite } from './support/browser-suite';
import { apiSession, logIn, parisDay } from './support/demo-session';

/** The notifications button while something is unread. */
const UNREAD = /^Notifications \d+ non lues?$/;

const COMMUNE = "CCAS d'Échirolles";
const ACI = 'Jardins du Drac (ACI)';
const ACI_STAGE = 'CDDI en atelier et chantier d’insertion (ACI)';
const TRAINING_STAGE = 'Formation qualifiante';
const ACI_SUMMARY = 'Espaces verts, 26 h par semaine, tutrice : Mme Roche';
const TRAINING_SUMMARY = 'Titre professionnel agent de propreté, entrée en mars';

/**
 * The consent scenario of the issue: a referent shares « statut + liste des étapes » with a commune
 * and « son étape de contrat + comptes rendus » with an integration company; each partner sees
 * exactly that in the portal; after withdrawal, neither sees the person any more.
 * The referent's side (file, stages, consents) goes through the API, as her own screens are tested elsewhere.
 */
describe.runIf(chromiumAvailable())('a referent shares a file with two partners, then withdraws it', () => {
  const suite = browserSuite();

  /** From the partner's navigation to the row of the person, found with the searchbox. */
  async function openList(page: Page, organisation: string, lastName: string) {
    await page.getByRole('navigation', { name: 'Navigation principale' }).getByRole('link', { name: 'Personnes suivies' }).click();
    await page.getByRole('heading', { name: `Personnes partagées avec la structure ${organisation}`, level: 1 }).waitFor();
    await page.getByRole('searchbox', { name: 'Rechercher une personne' }).fill(lastName);
    const table = page.getByRole('table', { name: 'Personnes partagées' });
    // The search applies after a pause: wait for it (in the address, then in the rows) before clicking, or a re-render eats the click.
    await page.waitForURL((url) => url.searchParams.get('q') === lastName);
    await table.getByRole('link').filter({ hasNotText: lastName }).first().waitFor({ state: 'detached' });
    return { table, row: table.getByRole('row').filter({ hasText: lastName }) };
  }

  it('each partner sees exactly what was shared with it, and nothing once it is withdrawn', async () => {
    const nadia = await apiSession(suite.server.url, 'nadia@grenoble.demo');
    const lastName = `Diarra${Date.now() % 100000}`;
    const fullName = `Awa ${lastName}`;
    const label = `Awa ${lastName.charAt(0)}.`;

    // The referent's side: a new file, two stages (one run by the ACI), two consents.
    const organisationId = async (search: string) => {
      const data = await nadia<{ organisations: { edges: Array<{ node: { id: string; name: string } }> } }>(
        'query Orgs($filter: OrganisationFilter) { organisations(filter: $filter) { edges { node { id name } } } }',
        { filter: { search } },
      );
      return data.organisations.edges.map((e) => e.node).find((o) => o.name === search)!.id;
    };
    const communeId = await organisationId(COMMUNE);
    const aciId = await organisationId(ACI);
    const { stageKinds } = await nadia<{ stageKinds: Array<{ id: string; code: string }> }>('{ stageKinds { id code } }');
    const kindId = (code: string) => stageKinds.find((k) => k.code === code)!.id;

    const { createParticipant } = await nadia<{ createParticipant: { id: string; currentPathway: { id: string } } }>(
      'mutation Create($input: CreateParticipantInput!) { createParticipant(input: $input) { id currentPathway { id } } }',
      { input: { details: { firstName: 'Awa', lastName, birthDate: '1990-06-02', gender: 'WOMAN' }, referralDate: parisDay(-1) } },
    );
    const addStage = async (input: Record<string, unknown>) =>
      (await nadia<{ addStage: { id: string } }>('mutation Add($input: AddStageInput!) { addStage(input: $input) { id } }', { input })).addStage.id;
    const aciStageId = await addStage({
      pathwayId: createParticipant.currentPathway.id,
      kindId: kindId('IAE_CDDI_ACI'),
      operatorId: aciId,
      plannedStart: parisDay(0, -7),
      sharedSummary: ACI_SUMMARY,
      privateNotes: 'Note privée du référent',
    });
    await addStage({
      pathwayId: createParticipant.currentPathway.id,
      kindId: kindId('TRAINING_QUALIFYING'),
      plannedStart: parisDay(2),
      sharedSummary: TRAINING_SUMMARY,
    });

    const grant = async (input: Record<string, unknown>) =>
      (
        await nadia<{ grantConsent: { id: string; version: number } }>(
          'mutation Grant($input: GrantConsentInput!) { grantConsent(input: $input) { id version } }',
          { input: { participantId: createParticipant.id, method: 'SIGNED_FORM', collectedOn: parisDay(), noticeVersion: CONSENT_NOTICE_VERSION, ...input } },
        )
      ).grantConsent;
    // « Statut + liste des étapes » for the commune; « son étape de contrat + comptes rendus » for the ACI.
    const communeConsent = await grant({ granteeOrganisationId: communeId, dataClasses: ['PATHWAY_STATUS', 'STAGE_LIST'], purpose: 'REFERRAL_FOLLOW_UP' });
    const aciConsent = await grant({
      granteeOrganisationId: aciId,
      dataClasses: ['STAGE_LIST', 'STAGE_DETAILS', 'CONTRACT_REPORTS'],
      purpose: 'CONTRACT_REPORTING',
      stageIds: [aciStageId],
    });

    // Sophie (the commune): the status and both stages, no stage details.
    const sophie = await logIn(suite.browser, suite.server.url, 'sophie@grenoble.demo');
    // Other browser tests may have left Sophie news on the same demo database: count none, read ours.
    await sophie.getByRole('button', { name: UNREAD }).click();
    const sophiePanel = sophie.getByRole('region', { name: 'Notifications' });
    await sophiePanel.getByText(`Un accord de partage concernant ${label} vous a été accordé`).waitFor();
    await sophiePanel.getByRole('button', { name: 'Tout marquer comme lu' }).click();
    await sophie.getByRole('button', { name: 'Notifications', exact: true }).waitFor();
    await sophie.keyboard.press('Escape');

    const commune = await openList(sophie, COMMUNE, lastName);
    await commune.row.getByText("En attente d'agrément", { exact: true }).waitFor();
    await commune.row.getByText(ACI_STAGE).waitFor();
    await commune.row.getByText(TRAINING_STAGE).waitFor();
    await commune.table.getByRole('link', { name: fullName }).click();
    await sophie.getByRole('heading', { name: fullName, level: 1 }).waitFor();
    const sophieStages = sophie.getByRole('list', { name: 'Étapes visibles' }).getByRole('listitem');
    await sophieStages.filter({ hasText: ACI_STAGE }).waitFor();
    await sophieStages.filter({ hasText: TRAINING_STAGE }).waitFor();
    expect(await sophieStages.count()).toBe(2);
    expect(await sophie.getByText(ACI_SUMMARY).count()).toBe(0);
    expect(await sophie.getByText(TRAINING_SUMMARY).count()).toBe(0);
    expect(await sophie.getByText('Note privée du référent').count()).toBe(0);
    await sophie.getByRole('region', { name: 'Diagnostic' }).getByText('Non partagé').waitFor();
    const communePage = sophie.url();

    // Karim (the ACI): its own stage and its shared summary only; the status is not shared.
    const karim = await logIn(suite.browser, suite.server.url, 'karim@grenoble.demo');
    const aci = await openList(karim, ACI, lastName);
    await aci.row.getByText('Non partagé', { exact: true }).waitFor();
    await aci.row.getByText(ACI_STAGE).waitFor();
    expect(await aci.row.getByText(TRAINING_STAGE).count()).toBe(0);
    await aci.table.getByRole('link', { name: fullName }).click();
    await karim.getByRole('heading', { name: fullName, level: 1 }).waitFor();
    const karimStages = karim.getByRole('list', { name: 'Étapes visibles' }).getByRole('listitem');
    await karimStages.filter({ hasText: ACI_STAGE }).getByText(ACI_SUMMARY).waitFor();
    expect(await karimStages.count()).toBe(1);
    expect(await karim.getByText(TRAINING_STAGE).count()).toBe(0);
    expect(await karim.getByText(TRAINING_SUMMARY).count()).toBe(0);
    expect(await karim.getByText('Note privée du référent').count()).toBe(0);
    const aciPage = karim.url();

    // The referent withdraws both consents.
    const revoke = (consent: { id: string; version: number }) =>
      nadia('mutation Revoke($id: ID!, $version: Int!, $reason: String!) { revokeConsent(consentId: $id, version: $version, reason: $reason) { id } }', {
        id: consent.id,
        version: consent.version,
        reason: 'La personne retire son accord',
      });
    await revoke(communeConsent);
    await revoke(aciConsent);

    // The commune: gone from the list, the page says it is no longer shared, a notification says why.
    const communeAfter = await openList(sophie, COMMUNE, lastName);
    await sophie.getByText('Aucune personne partagée ne correspond à la recherche.').waitFor();
    expect(await communeAfter.row.count()).toBe(0);
    await sophie.goto(communePage);
    await sophie.getByRole('heading', { name: 'Cette personne ne vous est pas (ou plus) partagée.' }).waitFor();
    expect(await sophie.getByText(fullName).count()).toBe(0);
    await sophie.getByRole('button', { name: UNREAD }).click();
    await sophie.getByRole('region', { name: 'Notifications' }).getByText(`L'accord de partage concernant ${label} a été retiré`).waitFor();
    await sophie.getByRole('link', { name: 'Retour aux personnes suivies' }).click();
    await sophie.getByRole('heading', { name: `Personnes partagées avec la structure ${COMMUNE}`, level: 1 }).waitFor();

    // The ACI: the same.
    await karim.reload();
    await karim.getByRole('heading', { name: 'Cette personne ne vous est pas (ou plus) partagée.' }).waitFor();
    expect(karim.url()).toBe(aciPage);
    await karim.getByRole('button', { name: UNREAD }).click();
    await karim.getByRole('region', { name: 'Notifications' }).getByText(`L'accord de partage concernant ${label} a été retiré`).waitFor();
    // Searched from the address, so that Karim reads no one else after Awa: the log below lists the latest reads first,
    // and the demo's other people shared with the ACI would push hers off its first page.
    await karim.goto(`${suite.server.url}/partenaire/personnes?q=${encodeURIComponent(lastName)}`);
    await karim.getByText('Aucune personne partagée ne correspond à la recherche.').waitFor();
    expect(await karim.getByRole('table', { name: 'Personnes partagées' }).getByRole('row').filter({ hasText: lastName }).count()).toBe(0);

    // The animation team reviews who read what: Karim's reads, in French words, with their purpose.
    const marc = await logIn(suite.browser, suite.server.url, 'marc@grenoble.demo');
    await marc.getByRole('navigation', { name: 'Navigation principale' }).getByRole('link', { name: 'Journal des consultations' }).click();
    await marc.getByRole('heading', { name: 'Journal des consultations', level: 1 }).waitFor();
    await marc.getByRole('combobox', { name: 'Structure partenaire' }).selectOption({ label: ACI });
    const log = marc.getByRole('table', { name: 'Consultations par les partenaires' });
    const read = log.getByRole('row').filter({ hasText: fullName }).filter({ hasText: 'Karim Haddad' }).filter({ hasText: 'Détail des étapes' }).first();
    await read.getByText('Suivi du contrat').waitFor();
    // The filter applies once the list is fetched again: until then the whole log shows.
    await log.getByRole('row').filter({ hasText: 'Sophie Martin' }).first().waitFor({ state: 'detached' });
    expect(await log.getByRole('row').filter({ hasText: 'Sophie Martin' }).count()).toBe(0);
    await read.getByRole('link', { name: fullName }).click();
    await marc.getByRole('heading', { name: fullName, level: 1 }).waitFor();
  });
});
