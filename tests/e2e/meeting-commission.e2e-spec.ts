import { describe, expect, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { chromiumAvailable } from './support/browser';
import { browserSuite } from './support/browser-suite';
import { logIn, parisDay } from './support/demo-session';

const COMMUNE = "CCAS d'Échirolles";
const ACI = 'Jardins du Drac (ACI)';
const REFUSAL = 'Projet déjà accompagné par la Mission locale';

/** A GraphQL request sent from a logged-in page, with its session cookie, as the portal sends its own. */
function graphqlFrom(page: Page) {
  return async <T>(query: string, variables: Record<string, unknown> = {}): Promise<T> => {
    const body = await page.evaluate(
      async (request) => {
        const response = await fetch('/graphql', {
          method: 'POST',
          credentials: 'include',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify(request),
        });
        return (await response.json()) as { data?: unknown; errors?: Array<{ message: string }> };
      },
      { query, variables },
    );
    if (body.errors?.length) throw new Error(`GraphQL: ${body.errors.map((e) => e.message).join('; ')}`);
    return body.data as T;
  };
}

/** From the planner, through the form dialog, to the new meeting's page. */
async function planMeeting(page: Page, details: { kind: string; title: string; place: string; organisations: string[] }): Promise<void> {
  await page.getByRole('navigation', { name: 'Navigation principale' }).getByRole('link', { name: 'Réunions', exact: true }).click();
  await page.getByRole('heading', { name: 'Réunions', level: 1 }).waitFor();
  await page.getByRole('tab', { name: 'À venir' }).waitFor();
  await page.getByRole('button', { name: 'Planifier une réunion' }).click();
  const dialog = page.getByRole('dialog', { name: 'Planifier une réunion' });
  await dialog.getByRole('combobox', { name: 'Type de réunion' }).selectOption({ label: details.kind });
  await dialog.getByRole('textbox', { name: 'Intitulé' }).fill(details.title);
  await dialog.getByLabel('Date', { exact: true }).fill(parisDay(0, 1));
  await dialog.getByLabel('Début').fill('14:00');
  await dialog.getByLabel('Fin').fill('16:00');
  // Neither a place nor a video link: the form says what is missing, on the field.
  await dialog.getByRole('button', { name: 'Planifier la réunion' }).click();
  await dialog.getByText('Indiquez un lieu ou un lien de visioconférence.').waitFor();
  expect(await dialog.getByRole('textbox', { name: 'Lieu' }).getAttribute('aria-invalid')).toBe('true');
  await dialog.getByRole('textbox', { name: 'Lieu' }).fill(details.place);
  for (const organisation of details.organisations) await dialog.getByRole('checkbox', { name: organisation, exact: true }).check();
  await dialog.getByRole('button', { name: 'Planifier la réunion' }).click();
  await dialog.waitFor({ state: 'hidden' });
  await page.getByRole('heading', { name: details.title, level: 1 }).waitFor();
  await page.getByText('Planifiée', { exact: true }).first().waitFor();
}

/** Opens the « add an item » dialog, lets `choose` pick what it is about, asks the question and waits for the item. */
async function addItem(page: Page, heading: string, question: string, choose: (dialog: Locator) => Promise<void>): Promise<Locator> {
  await page.getByRole('button', { name: 'Ajouter un point' }).click();
  const dialog = page.getByRole('dialog', { name: "Ajouter un point à l'ordre du jour" });
  await choose(dialog);
  // A general item's question is its subject.
  await dialog.getByRole('textbox', { name: /^(Question à traiter|Sujet)$/ }).fill(question);
  await dialog.getByRole('button', { name: 'Ajouter le point' }).click();
  await dialog.waitFor({ state: 'hidden' });
  const item = page.getByRole('article', { name: heading });
  await item.waitFor();
  return item;
}

/** Opens the meeting or publishes its minutes, through the confirmation. */
async function nextStep(page: Page, button: string, confirmation: string, status: string): Promise<void> {
  await page.getByRole('button', { name: button }).click();
  await page.getByRole('alertdialog', { name: confirmation }).getByRole('button', { name: button }).click();
  await page.getByText(status, { exact: true }).first().waitFor();
}

/**
 * Issue 6, the staff side: the animation team plans an accreditation commission, puts three open
 * referrals on its agenda, holds it (two accepted with their referent, one refused with its reason)
 * and publishes the minutes; the referrals follow, in the inbox and for the commune that made them.
 * Then a coordination meeting: the agenda builder says which invited organisation will not see an
 * item about a person, and why, and its items are documented, moved, reworded and withdrawn. Last, a
 * referral of a person already followed joins her file.
 */
describe.runIf(chromiumAvailable())('meetings, on the staff side', () => {
  const suite = browserSuite();

  it('the commission decides three referrals in session; the commune reads the outcome', async () => {
    const run = Date.now() % 100000;
    const people = ['Moreau', 'Petit', 'Roux'].map((stem, index) => ({ firstName: ['Léa', 'Hugo', 'Inès'][index]!, lastName: `${stem}${run}` }));
    const names = people.map((p) => `${p.firstName} ${p.lastName}`);
    const title = `Commission d'agrément ${run}`;

    // Sophie (the commune) refers three people, from her logged-in page.
    const sophie = await logIn(suite.browser, suite.server.url, 'sophie@grenoble.demo');
    const asSophie = graphqlFrom(sophie);
    for (const person of people)
      await asSophie('mutation Submit($input: SubmitReferralInput!) { submitReferral(input: $input) { id } }', {
        input: {
          // Residents of Fontaine: the browser tests share one database, and another test reads Échirolles' small counts.
          details: { ...person, birthDate: '1990-03-14', communeCode: '38169' },
          situation: 'Sans emploi depuis un an, suivie par le CCAS.',
          reason: "Souhaite un accompagnement vers l'emploi.",
          agreementMethod: 'SIGNED_FORM',
          agreedOn: parisDay(),
        },
      });

    // Marc (animation team) plans the commission, inviting the commune, and puts the three referrals on its agenda.
    const marc = await logIn(suite.browser, suite.server.url, 'marc@grenoble.demo', 900);
    await planMeeting(marc, { kind: "Commission d'agrément", title, place: 'Salle du conseil, Échirolles', organisations: [COMMUNE] });
    const items: Locator[] = [];
    for (const [index, name] of names.entries()) {
      const item = await addItem(marc, `${index + 1}. ${name}`, `Entrée dans le PLIE de ${name} ?`, async (dialog) => {
        expect(await dialog.getByRole('radio', { name: 'Orientation' }).isChecked()).toBe(true);
        await dialog.getByRole('searchbox', { name: 'Rechercher une orientation' }).fill(people[index]!.lastName);
        const select = dialog.getByRole('combobox', { name: 'Orientation en attente' });
        const option = select.getByRole('option', { name: new RegExp(`^${name} — reçue le`) });
        await option.waitFor({ state: 'attached' });
        await select.selectOption((await option.getAttribute('value'))!);
      });
      // The commune made the referral: it will see the item.
      await item
        .getByRole('list', { name: `Qui verra le point ${name}` })
        .getByText('Partagé')
        .waitFor();
      await item.getByText("À l'étude", { exact: true }).waitFor();
      items.push(item);
    }
    expect(await marc.getByText('ne verra pas ce point').count()).toBe(0);

    // The session: two accepted with Nadia as referent, one refused with its reason.
    await nextStep(marc, 'Ouvrir la séance', 'Ouvrir la séance ?', 'En séance');
    for (const item of items.slice(0, 2)) {
      await item.getByRole('group', { name: 'Décision de la commission' }).getByRole('radio', { name: 'Accepter' }).check();
      const referent = item.getByRole('combobox', { name: 'Référent de parcours' });
      const nadia = referent.getByRole('option', { name: /^Nadia Benali/ });
      await nadia.waitFor({ state: 'attached' });
      await referent.selectOption((await nadia.getAttribute('value'))!);
      await item.getByRole('textbox', { name: 'Compte rendu du point' }).fill('Projet clair, entrée validée.');
      await item.getByRole('button', { name: 'Enregistrer la décision' }).click();
      await item.getByText('Acceptée', { exact: true }).waitFor();
      await item.getByText('Nadia Benali', { exact: true }).waitFor();
    }
    const refused = items[2]!;
    await refused.getByRole('group', { name: 'Décision de la commission' }).getByRole('radio', { name: 'Refuser' }).check();
    // A refusal needs its reason: said on the field before anything is sent.
    await refused.getByRole('button', { name: 'Enregistrer la décision' }).click();
    await refused.getByText('Indiquez le motif de la décision : les partenaires le liront.').waitFor();
    await refused.getByRole('textbox', { name: 'Motif de la décision' }).fill(REFUSAL);
    await refused.getByRole('button', { name: 'Enregistrer la décision' }).click();
    await refused.getByText('Refusée', { exact: true }).waitFor();
    await refused.getByText(REFUSAL).waitFor();

    await marc.getByRole('textbox', { name: 'Compte rendu de la réunion' }).fill(`Trois orientations examinées (${run}).`);
    await marc.getByRole('button', { name: 'Enregistrer le compte rendu' }).click();
    await marc.getByText('Compte rendu enregistré.').waitFor();
    await nextStep(marc, 'Publier le compte rendu', 'Publier le compte rendu ?', 'Compte rendu publié');
    // Read-only from now on; the PDF copies are there, the internal one and the commune's.
    expect(await marc.getByRole('button', { name: 'Ajouter un point' }).count()).toBe(0);
    expect(await marc.getByRole('textbox', { name: 'Compte rendu du point' }).count()).toBe(0);
    await marc.getByRole('link', { name: `Exemplaire de la structure ${COMMUNE}` }).waitFor();
    const pdf = await marc.request.get(
      new URL((await marc.getByRole('link', { name: /^Exemplaire interne/ }).getAttribute('href'))!, suite.server.url).toString(),
    );
    expect(pdf.status()).toBe(200);
    expect(pdf.headers()['content-type']).toMatch(/^application\/pdf/);

    // The inbox: decided, two accepted and one refused.
    for (const [index, person] of people.entries()) {
      await marc.goto(`${suite.server.url}/orientations?liste=decided&q=${encodeURIComponent(person.lastName)}`);
      const row = marc.getByRole('table', { name: 'Orientations reçues' }).getByRole('row').filter({ hasText: person.lastName });
      await row.getByText(index < 2 ? 'Acceptée' : 'Refusée', { exact: true }).waitFor();
    }

    // Sophie: « Entré(e) dans le parcours » for the two, the refusal with its reason.
    for (const [index, person] of people.entries()) {
      await sophie.goto(`${suite.server.url}/partenaire/orientations?q=${encodeURIComponent(person.lastName)}`);
      await sophie.getByRole('heading', { name: 'Mes orientations', level: 1 }).waitFor();
      const row = sophie.getByRole('table', { name: 'Orientations envoyées' }).getByRole('row').filter({ hasText: person.lastName });
      if (index < 2) {
        await row.getByText('Entré(e) dans le parcours', { exact: true }).waitFor();
      } else {
        await row.getByText('Refusée', { exact: true }).waitFor();
        await row.getByText(REFUSAL).waitFor();
      }
    }
  });

  it('a coordination meeting: who will not see an item and why; an item documented, moved, reworded and withdrawn', async () => {
    const run = Date.now() % 100000;
    const person = { firstName: 'Yanis', lastName: `Faure${run}` };
    const name = `${person.firstName} ${person.lastName}`;
    const title = `Coordination partenariale ${run}`;

    // Nadia (referent) follows Yanis, who agreed to share his situation with the commune for coordination meetings only.
    const nadia = await logIn(suite.browser, suite.server.url, 'nadia@grenoble.demo');
    const asNadia = graphqlFrom(nadia);
    const { organisations } = await asNadia<{ organisations: { edges: Array<{ node: { id: string; name: string } }> } }>(
      'query Orgs($filter: OrganisationFilter) { organisations(filter: $filter) { edges { node { id name } } } }',
      { filter: { search: 'Échirolles' } },
    );
    const communeId = organisations.edges.find((e) => e.node.name === COMMUNE)!.node.id;
    const { createParticipant } = await asNadia<{ createParticipant: { id: string } }>(
      'mutation Create($input: CreateParticipantInput!) { createParticipant(input: $input) { id } }',
      { input: { details: { ...person, birthDate: '1993-02-11' }, referralDate: parisDay(0, -20) } },
    );
    await asNadia('mutation Grant($input: GrantConsentInput!) { grantConsent(input: $input) { id } }', {
      input: {
        participantId: createParticipant.id,
        granteeOrganisationId: communeId,
        dataClasses: ['PATHWAY_STATUS'],
        purpose: 'COORDINATION_MEETINGS',
        method: 'SIGNED_FORM',
        collectedOn: parisDay(),
        noticeVersion: 'notice-2026-11',
      },
    });

    // Marc plans the meeting with the commune and an integration company, and puts Yanis on its agenda.
    const marc = await logIn(suite.browser, suite.server.url, 'marc@grenoble.demo', 900);
    await planMeeting(marc, { kind: 'Réunion de coordination partenariale', title, place: 'Maison des solidarités', organisations: [COMMUNE, ACI] });
    const item = await addItem(marc, `1. ${name}`, 'Quel relais pour la reprise d’emploi ?', async (dialog) => {
      // No referral on a coordination meeting: the item is about a person followed, or general.
      expect(await dialog.getByRole('radio', { name: 'Orientation' }).count()).toBe(0);
      await dialog.getByRole('radio', { name: 'Personne suivie' }).check();
      await dialog.getByRole('searchbox', { name: 'Rechercher une personne' }).fill(person.lastName);
      await dialog.getByRole('button', { name: `Choisir ${name}` }).click();
    });

    // Per organisation, in words: the commune will see it, the integration company will not, and why.
    const sharing = item.getByRole('list', { name: `Qui verra le point ${name}` });
    await sharing.getByRole('listitem').filter({ hasText: COMMUNE }).getByText('Partagé', { exact: true }).waitFor();
    await sharing.getByRole('listitem').filter({ hasText: ACI }).getByText('Aucun accord', { exact: true }).waitFor();
    await item.getByText(`La structure ${ACI} ne verra pas ce point : aucun accord de partage n'est en vigueur avec cette structure.`).waitFor();
    expect(await item.getByText(`La structure ${COMMUNE} ne verra pas ce point`).count()).toBe(0);

    // A document for the item: a download link once sent.
    await item.getByLabel('Ajouter un document').setInputFiles({ name: 'bilan.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.7\n%%EOF\n') });
    await item.getByRole('link', { name: 'bilan.pdf' }).waitFor();

    // A general item, moved first, reworded, then withdrawn.
    const subject = `Calendrier des ateliers ${run}`;
    const general = await addItem(marc, `2. ${subject}`, subject, async (dialog) => {
      await dialog.getByRole('radio', { name: 'Point général' }).check();
    });
    await general.getByRole('button', { name: `Monter le point ${subject}` }).click();
    await marc.getByRole('article', { name: `2. ${name}` }).waitFor();
    const first = marc.getByRole('article', { name: `1. ${subject}` });
    await first.getByRole('button', { name: `Modifier la question du point ${subject}` }).click();
    await first.getByRole('textbox', { name: 'Question à traiter' }).fill(`${subject} et de février`);
    await first.getByRole('button', { name: 'Enregistrer la question' }).click();
    const reworded = marc.getByRole('article', { name: `1. ${subject} et de février` });
    await reworded.getByRole('button', { name: `Retirer le point ${subject} et de février` }).click();
    await marc.getByRole('alertdialog', { name: 'Retirer ce point ?' }).getByRole('button', { name: 'Retirer le point' }).click();
    await reworded.waitFor({ state: 'detached' });
    await marc.getByRole('article', { name: `1. ${name}` }).waitFor();
  });

  it('the commission accepts a referral into the file of the person already followed', async () => {
    const run = Date.now() % 100000;
    const person = { firstName: 'Samia', lastName: `Haddad${run}`, birthDate: '1986-07-02' };
    const name = `${person.firstName} ${person.lastName}`;

    // Nadia already follows Samia (waiting for the commission); Sophie refers her too.
    const nadia = await logIn(suite.browser, suite.server.url, 'nadia@grenoble.demo');
    await graphqlFrom(nadia)('mutation Create($input: CreateParticipantInput!) { createParticipant(input: $input) { id } }', {
      input: { details: person, referralDate: parisDay(0, -10) },
    });
    const sophie = await logIn(suite.browser, suite.server.url, 'sophie@grenoble.demo');
    await graphqlFrom(sophie)('mutation Submit($input: SubmitReferralInput!) { submitReferral(input: $input) { id } }', {
      input: { details: person, situation: 'Suivie par le CCAS.', reason: 'Reprendre un emploi.', agreementMethod: 'SIGNED_FORM', agreedOn: parisDay() },
    });

    const marc = await logIn(suite.browser, suite.server.url, 'marc@grenoble.demo', 900);
    await planMeeting(marc, { kind: "Commission d'agrément", title: `Commission ${run}`, place: 'Salle du conseil', organisations: [] });
    const item = await addItem(marc, `1. ${name}`, 'Entrée dans le PLIE ?', async (dialog) => {
      await dialog.getByRole('searchbox', { name: 'Rechercher une orientation' }).fill(person.lastName);
      const select = dialog.getByRole('combobox', { name: 'Orientation en attente' });
      const option = select.getByRole('option', { name: new RegExp(`^${name} — reçue le`) });
      await option.waitFor({ state: 'attached' });
      await select.selectOption((await option.getAttribute('value'))!);
    });
    await nextStep(marc, 'Ouvrir la séance', 'Ouvrir la séance ?', 'En séance');
    await item.getByRole('group', { name: 'Décision de la commission' }).getByRole('radio', { name: 'Accepter' }).check();
    // Her file, not a new one: she keeps her referent, none is asked.
    await item
      .getByRole('group', { name: 'Dossier' })
      .getByRole('radio', { name: `Le dossier existant de ${name}` })
      .check();
    expect(await item.getByRole('combobox', { name: 'Référent de parcours' }).count()).toBe(0);
    await item.getByRole('button', { name: 'Enregistrer la décision' }).click();
    await item.getByText('Acceptée', { exact: true }).waitFor();
    await item.getByText('Nadia Benali', { exact: true }).waitFor();
  });
});
