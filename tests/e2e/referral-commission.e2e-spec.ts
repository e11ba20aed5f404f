import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { chromiumAvailable } from './support/browser';
import { browserSuite } from './support/browser-suite';
import { logIn, parisDay } from './support/demo-session';

const COMMUNE = "CCAS d'Échirolles";
const PHONE = '06 12 34 56 78';
const SITUATION = 'Au RSA depuis deux ans, sans permis, cherche un emploi près de chez elle';
const REASON = "Besoin d'un accompagnement renforcé vers l'emploi";
const TYPE_REFUSED = 'Joignez un document PDF, JPEG ou PNG.';

/**
 * The referral scenario, in the browser from end to end: a commune's social service refers a
 * resident; the animation team takes the referral under review and the commission accepts it with a
 * referent; the referent shares « statut + liste des étapes » with the commune; the commune then sees
 * the person in its pathway, and nothing more than what was shared. The referral carries a PDF
 * (a text file is refused with the API's message), which the animation team downloads.
 */
describe.runIf(chromiumAvailable())('a commune refers a resident, the commission accepts her', () => {
  const suite = browserSuite();
  let dir: string;
  let pdfPath: string;
  let textPath: string;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'jalon-referral-'));
    pdfPath = join(dir, 'accord.pdf');
    textPath = join(dir, 'notes.txt');
    await writeFile(pdfPath, '%PDF-1.7\n1 0 obj << >> endobj\n%%EOF\n');
    await writeFile(textPath, 'pas un document');
  });
  afterAll(async () => {
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  /** Through the main navigation, then the searchbox: the table once the search has applied. */
  async function searchList(page: Page, navLink: string, heading: string, tableName: string, lastName: string) {
    await page.getByRole('navigation', { name: 'Navigation principale' }).getByRole('link', { name: navLink, exact: true }).click();
    await page.getByRole('heading', { name: heading, level: 1 }).waitFor();
    await page.getByRole('searchbox', { name: 'Rechercher une personne' }).fill(lastName);
    await page.waitForURL((url) => url.searchParams.get('q') === lastName);
    const table = page.getByRole('table', { name: tableName });
    await table.getByRole('row').filter({ hasText: lastName }).first().waitFor();
    return { table, row: table.getByRole('row').filter({ hasText: lastName }) };
  }

  it('from the referral form to the person followed in her pathway', async () => {
    const lastName = `Moreau${Date.now() % 100000}`;
    // A first name no other browser test refers: the commune's notifications name the person by
    // first name and initial, and the meeting commission's test accepts a « Léa M. » of its own.
    const firstName = 'Solène';
    const fullName = `${firstName} ${lastName}`;

    // Sophie (the commune) refers Solène through the form.
    const sophie = await logIn(suite.browser, suite.server.url, 'sophie@grenoble.demo', 900);
    await sophie.getByRole('navigation', { name: 'Navigation principale' }).getByRole('link', { name: 'Mes orientations' }).click();
    await sophie.getByRole('heading', { name: 'Mes orientations', level: 1 }).waitFor();
    await sophie.getByRole('link', { name: 'Orienter une personne' }).click();
    const form = sophie.getByRole('form', { name: 'Orienter une personne' });
    await form.waitFor();
    expect(await form.getByRole('textbox', { name: 'Accord donné le' }).inputValue()).toBe(parisDay());
    expect(await form.getByRole('textbox', { name: 'Nom du témoin' }).count()).toBe(0);

    // Required fields are said so, next to each.
    await form.getByRole('button', { name: "Envoyer l'orientation" }).click();
    expect(await form.getByRole('textbox', { name: 'Prénom' }).getAttribute('aria-invalid')).toBe('true');
    expect(await form.getByRole('textbox', { name: "Motif de l'orientation" }).getAttribute('aria-invalid')).toBe('true');

    await form.getByRole('textbox', { name: 'Prénom' }).fill(firstName);
    await form.getByRole('textbox', { name: 'Nom', exact: true }).fill(lastName);
    await form.getByRole('textbox', { name: 'Date de naissance' }).fill('1991-09-17');
    await form.getByRole('group', { name: 'Genre' }).getByRole('radio', { name: 'Femme' }).check();
    await form.getByRole('textbox', { name: 'Téléphone' }).fill('12');
    await form.getByRole('textbox', { name: 'Code postal' }).fill('38130');
    // The postcode offers its communes (partners may look them up), then the commune its priority districts.
    const commune = form.getByRole('combobox', { name: 'Commune', exact: true });
    await commune.getByRole('option', { name: 'Échirolles (38151)' }).waitFor({ state: 'attached' });
    await commune.selectOption('38151');
    expect(await form.getByRole('textbox', { name: 'Code INSEE de la commune' }).inputValue()).toBe('38151');
    const district = form.getByRole('combobox', { name: 'Quartier prioritaire (QPV)' });
    await district.getByRole('option', { name: 'Quartier fictif des Glycines (démo) (QN03890Z)' }).waitFor({ state: 'attached' });
    await district.selectOption('QN03890Z');
    await form.getByRole('textbox', { name: 'Situation de la personne' }).fill(SITUATION);
    await form.getByRole('textbox', { name: "Motif de l'orientation" }).fill(REASON);
    await form.getByRole('textbox', { name: 'Attentes de la personne (facultatif)' }).fill('Un emploi à temps partiel');

    // An oral agreement needs its witness.
    const method = form.getByRole('group', { name: "Mode de recueil de l'accord" });
    await method.getByRole('radio', { name: 'Oral, devant témoin' }).check();
    await form.getByRole('button', { name: "Envoyer l'orientation" }).click();
    await form.getByText('Un accord oral est recueilli devant un témoin : indiquez son nom.').waitFor();
    await form.getByRole('textbox', { name: 'Nom du témoin' }).fill('Julie Garnier');

    // The API's message lands under the field it is about.
    await form.getByRole('button', { name: "Envoyer l'orientation" }).click();
    await form.getByText('Numéro de téléphone invalide.').waitFor();
    expect(await form.getByRole('textbox', { name: 'Téléphone' }).getAttribute('aria-invalid')).toBe('true');
    await form.getByRole('textbox', { name: 'Téléphone' }).fill(PHONE);

    // Two attachments: the PDF goes with the referral, the text file is refused.
    await form.getByLabel('Pièces jointes (facultatif)').setInputFiles([pdfPath, textPath]);

    // A double click sends one referral; the refused file is named, with the API's reason.
    await form.getByRole('button', { name: "Envoyer l'orientation" }).dblclick();
    const refused = sophie.getByRole('region', { name: `L'orientation de ${fullName} est envoyée au PLIE` });
    await refused.getByRole('alert').getByText(`« notes.txt » : ${TYPE_REFUSED}`).waitFor();
    expect(await refused.getByText('accord.pdf').count()).toBe(0);
    await refused.getByRole('link', { name: 'Voir mes orientations' }).click();
    await sophie.getByRole('heading', { name: 'Mes orientations', level: 1 }).waitFor();
    // The list shows it, received, with its PDF; the row takes more documents (a text file is refused there too).
    const sent = await searchList(sophie, 'Mes orientations', 'Mes orientations', 'Orientations envoyées', lastName);
    await sent.row.getByText('Reçue', { exact: true }).waitFor();
    expect(await sent.row.count()).toBe(1);
    await sent.row.getByRole('link', { name: 'accord.pdf' }).waitFor();
    const addFile = sent.row.getByLabel(`Ajouter une pièce jointe pour ${fullName}`);
    await addFile.setInputFiles(textPath);
    await sent.row.getByRole('alert').getByText(TYPE_REFUSED).waitFor();
    expect(await addFile.getAttribute('aria-invalid')).toBe('true');
    await addFile.setInputFiles({ name: 'bilan.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.7\n%%EOF\n') });
    await sent.row.getByRole('link', { name: 'bilan.pdf' }).waitFor();
    expect(await sent.row.getByRole('alert').count()).toBe(0);

    // Marc (animation team) finds it among the new referrals, takes it under review, then accepts it with Nadia.
    const marc = await logIn(suite.browser, suite.server.url, 'marc@grenoble.demo', 900);
    const inbox = await searchList(marc, 'Orientations', 'Orientations', 'Orientations reçues', lastName);
    expect(await marc.getByRole('combobox', { name: 'Orientations à afficher' }).inputValue()).toBe('new');
    await inbox.row.getByText(COMMUNE).waitFor();
    await inbox.row.getByText('Nouvelle', { exact: true }).waitFor();
    await inbox.table.getByRole('link', { name: fullName }).click();
    await marc.getByRole('heading', { name: fullName, level: 1 }).waitFor();
    const identity = marc.getByRole('region', { name: 'Identité et coordonnées' });
    await identity.getByText(PHONE).waitFor();
    await identity.getByText(/Échirolles/).waitFor();
    const submissions = marc.getByRole('region', { name: "Demandes d'orientation" });
    await submissions.getByRole('heading', { name: new RegExp(`^${COMMUNE}, le `) }).waitFor();
    await submissions.getByText('Sophie Martin').waitFor();
    await submissions.getByText(SITUATION).waitFor();
    await submissions.getByText(REASON).waitFor();
    await submissions.getByText(/^Oral, devant témoin \(Julie Garnier\)/).waitFor();

    // The attachments: each a download link answering the file itself.
    const attachments = marc.getByRole('region', { name: 'Pièces jointes' });
    const pdfLink = attachments.getByRole('link', { name: 'accord.pdf' });
    await pdfLink.waitFor();
    await attachments.getByRole('link', { name: 'bilan.pdf' }).waitFor();
    await attachments.getByText(`1 Ko, ${COMMUNE}, le`).first().waitFor();
    const download = await marc.request.get(new URL((await pdfLink.getAttribute('href'))!, suite.server.url).toString());
    expect(download.status()).toBe(200);
    expect(download.headers()['content-type']).toMatch(/^application\/pdf/);
    expect((await download.body()).subarray(0, 8).toString()).toBe('%PDF-1.7');
    expect(await attachments.getByLabel('Ajouter une pièce jointe').count()).toBe(1);

    await marc.getByRole('button', { name: "Mettre à l'étude" }).click();
    await marc.getByText("À l'étude", { exact: true }).first().waitFor();
    await marc.getByRole('button', { name: "Mettre à l'étude" }).waitFor({ state: 'detached' });

    await marc.getByRole('button', { name: 'Décider' }).click();
    const dialog = marc.getByRole('dialog', { name: 'Décision de la commission' });
    const choice = dialog.getByRole('group', { name: 'Décision' });
    // Refusing needs a reason: the form says so before anything is sent.
    await choice.getByRole('radio', { name: 'Refuser' }).check();
    await dialog.getByRole('button', { name: 'Enregistrer la décision' }).click();
    await dialog.getByText('Indiquez le motif de la décision : les partenaires le liront.').waitFor();
    await choice.getByRole('radio', { name: 'Accepter' }).check();
    const referent = dialog.getByRole('combobox', { name: 'Référent de parcours' });
    const nadiaOption = referent.getByRole('option', { name: /^Nadia Benali/ });
    await nadiaOption.waitFor({ state: 'attached' });
    await referent.selectOption((await nadiaOption.getAttribute('value'))!);
    await dialog.getByRole('textbox', { name: 'Motif de la décision (facultatif)' }).fill('Projet professionnel clair, disponible');
    await dialog.getByRole('button', { name: 'Enregistrer la décision' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await marc.getByText('Acceptée', { exact: true }).first().waitFor();
    const openFile = marc.getByRole('link', { name: 'Ouvrir le dossier' });
    const filePath = (await openFile.getAttribute('href'))!;
    expect(filePath).toMatch(/^\/participants\//);
    await openFile.click();
    await marc.getByRole('heading', { name: fullName, level: 1 }).waitFor();

    // Nadia (the referent) opens the new file and shares « statut + liste des étapes » with the commune.
    const nadia = await logIn(suite.browser, suite.server.url, 'nadia@grenoble.demo', 900);
    await nadia.goto(`${suite.server.url}${filePath}`);
    await nadia.getByRole('heading', { name: fullName, level: 1 }).waitFor();
    await nadia.getByText('Actif', { exact: true }).first().waitFor();
    await nadia.getByRole('tab', { name: 'Partage' }).click();
    await nadia.getByRole('button', { name: 'Recueillir un accord' }).click();
    const consent = nadia.getByRole('dialog', { name: 'Recueillir un accord de partage' });
    await consent.getByRole('combobox', { name: 'Structure partenaire' }).selectOption({ label: COMMUNE });
    await consent
      .getByRole('group', { name: 'Modèle de partage' })
      .getByRole('radio', { name: /^Commune qui a orienté/ })
      .check();
    const classes = consent.getByRole('group', { name: 'Informations partagées' });
    expect(await classes.getByRole('checkbox', { name: 'Statut du parcours' }).isChecked()).toBe(true);
    expect(await classes.getByRole('checkbox', { name: 'Liste des étapes' }).isChecked()).toBe(true);
    expect(await classes.getByRole('checkbox', { name: 'Identité et coordonnées' }).isChecked()).toBe(false);
    await consent.getByRole('button', { name: "Enregistrer l'accord" }).click();
    await consent.waitFor({ state: 'hidden' });
    const consents = nadia.getByRole('list', { name: 'Accords de partage, du plus récent au plus ancien' });
    await consents.getByRole('listitem').filter({ hasText: COMMUNE }).first().getByText('En vigueur').waitFor();

    // Sophie: told of the decision; her referral reads « Entré(e) dans le parcours ».
    await sophie.reload();
    await sophie.getByRole('button', { name: /^Notifications \d+ non lues?$/ }).click();
    await sophie
      .getByRole('region', { name: 'Notifications' })
      .getByText(`Orientation de ${firstName} ${lastName.charAt(0)}. : acceptée en commission`)
      .waitFor();
    await sophie.keyboard.press('Escape');
    // The page reloaded is still « Mes orientations » searched for her name.
    await sent.row.getByText('Entré(e) dans le parcours', { exact: true }).waitFor();
    await sent.row.getByText('Projet professionnel clair, disponible').waitFor();

    // In « Personnes suivies »: the status and the stage list, nothing else (no phone, no situation).
    const shared = await searchList(sophie, 'Personnes suivies', `Personnes partagées avec la structure ${COMMUNE}`, 'Personnes partagées', lastName);
    await shared.row.getByText('Actif', { exact: true }).waitFor();
    await shared.table.getByRole('link', { name: fullName }).click();
    await sophie.getByRole('heading', { name: fullName, level: 1 }).waitFor();
    await sophie.getByRole('region', { name: 'Identité et coordonnées' }).getByText('Non partagé').first().waitFor();
    await sophie.getByRole('region', { name: 'Diagnostic' }).getByText('Non partagé').waitFor();
    expect(await sophie.getByText(PHONE).count()).toBe(0);
    expect(await sophie.getByText(SITUATION).count()).toBe(0);
  });
});
