import { describe, expect, it } from 'vitest';
import { chromiumAvailable } from './support/browser';
import { browserSuite } from './support/browser-suite';
import { apiSession, logIn, parisDay, personWithAciStage } from './support/demo-session';

const COMMUNE = "CCAS d'Échirolles";
const ACI = 'Jardins du Drac (ACI)';
const ACI_SUMMARY = 'Espaces verts, 26 h par semaine';

/**
 * The referent's « Partage » tab: she records a consent from the integration company's preset, sees
 * the partner's view in the preview, amends it (errors land under their field), then withdraws it.
 * The file and its stage are created through the API.
 */
describe.runIf(chromiumAvailable())('the sharing tab of a participant file', () => {
  const suite = browserSuite();

  it('records a consent from a preset, previews it as the partner, amends and withdraws it', async () => {
    const api = await apiSession(suite.server.url, 'nadia@grenoble.demo');
    const lastName = `Keita${Date.now() % 100000}`;
    const { participantId } = await personWithAciStage(api, ACI, { firstName: 'Moussa', lastName, birthDate: '1988-03-14', summary: ACI_SUMMARY });

    const nadia = await logIn(suite.browser, suite.server.url, 'nadia@grenoble.demo', 900);
    await nadia.goto(`${suite.server.url}/participants/${encodeURIComponent(participantId)}?tab=partage`);
    await nadia.getByRole('tab', { name: 'Partage' }).waitFor();
    await nadia.getByText("Aucun accord n'a été recueilli").waitFor();
    await nadia.getByText("Aucun partenaire n'a consulté ce dossier.").waitFor();
    const pdf = nadia.getByRole('link', { name: 'Formulaire de consentement (PDF)' });
    expect(await pdf.getAttribute('href')).toBe(`/participants/${encodeURIComponent(participantId)}/consent-form.pdf`);

    // A new consent, from the integration company's preset: its own stage only.
    await nadia.getByRole('button', { name: 'Recueillir un accord' }).click();
    const dialog = nadia.getByRole('dialog', { name: 'Recueillir un accord de partage' });
    await dialog.getByRole('combobox', { name: 'Structure partenaire' }).selectOption({ label: ACI });
    await dialog
      .getByRole('group', { name: 'Modèle de partage' })
      .getByRole('radio', { name: /Structure d’insertion : son étape de contrat/ })
      .check();
    const classes = dialog.getByRole('group', { name: 'Informations partagées' });
    expect(await classes.getByRole('checkbox', { name: 'Détail des étapes' }).isChecked()).toBe(true);
    expect(await classes.getByRole('checkbox', { name: 'Comptes rendus de contrat' }).isChecked()).toBe(true);
    expect(await classes.getByRole('checkbox', { name: 'Statut du parcours' }).isChecked()).toBe(false);
    expect(await dialog.getByRole('group', { name: 'Données sensibles' }).getByRole('checkbox').count()).toBe(3);
    expect(await dialog.getByRole('combobox', { name: 'Finalité' }).inputValue()).toBe('CONTRACT_REPORTING');
    expect(await dialog.getByRole('radio', { name: 'Certaines étapes' }).isChecked()).toBe(true);
    expect(await dialog.getByRole('checkbox', { name: /CDDI en atelier/ }).isChecked()).toBe(true);
    expect(await dialog.getByRole('textbox', { name: 'Recueilli le' }).inputValue()).toBe(parisDay());
    // A box changed by hand: the consent is no longer the preset, and the radio says so; back to the preset.
    await classes.getByRole('checkbox', { name: 'Statut du parcours' }).check();
    await dialog.getByRole('radio', { name: 'Personnalisé' }).and(dialog.locator(':checked')).waitFor();
    await classes.getByRole('checkbox', { name: 'Statut du parcours' }).uncheck();
    await dialog.getByRole('radio', { name: /Structure d’insertion : son étape de contrat/ }).check();
    await dialog.getByRole('button', { name: "Enregistrer l'accord" }).click();
    await dialog.waitFor({ state: 'hidden' });

    const list = nadia.getByRole('list', { name: 'Accords de partage, du plus récent au plus ancien' });
    const item = list.getByRole('listitem').filter({ hasText: ACI }).first();
    await item.getByText('En vigueur').waitFor();
    await item.getByText("jusqu'au retrait ou à la fin du parcours", { exact: false }).waitFor();

    // The signed form: a file that is not a PDF or an image is refused with the API's message; a PDF is attached.
    const evidence = item.getByLabel('Joindre le formulaire signé');
    await evidence.setInputFiles({ name: 'notes.txt', mimeType: 'text/plain', buffer: Buffer.from('pas un formulaire') });
    await item.getByRole('alert').waitFor();
    await evidence.setInputFiles({ name: 'accord.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.4\n%%EOF\n') });
    await item.getByRole('link', { name: /Formulaire joint : accord\.pdf/ }).waitFor();
    expect(await item.getByRole('alert').count()).toBe(0);

    // The preview: what the company sees, and nothing for the commune.
    const preview = nadia.getByRole('region', { name: 'Aperçu pour un partenaire' });
    await preview.getByRole('combobox', { name: 'Voir comme' }).selectOption({ label: ACI });
    const stages = preview.getByRole('list', { name: 'Étapes visibles' }).getByRole('listitem');
    await stages.first().getByText(ACI_SUMMARY).waitFor();
    expect(await stages.count()).toBe(1);
    await preview.getByRole('combobox', { name: 'Voir comme' }).selectOption({ label: COMMUNE });
    await preview.getByText("Rien n'est partagé avec cette structure.").waitFor();

    // Amending: an end before today is refused, under its field.
    await nadia.getByRole('button', { name: `Modifier l'accord donné à la structure ${ACI}` }).click();
    const amend = nadia.getByRole('dialog', { name: "Modifier l'accord de partage" });
    expect(await amend.getByRole('checkbox', { name: 'Détail des étapes' }).isChecked()).toBe(true);
    await amend.getByRole('radio', { name: 'Oral, devant témoin' }).check();
    await amend.getByRole('textbox', { name: 'Nom du témoin' }).fill('Julien Perrin');
    await amend.getByRole('textbox', { name: "Valable jusqu'au" }).fill(parisDay(0, -1));
    await amend.getByRole('button', { name: "Enregistrer l'accord" }).click();
    const until = amend.getByRole('textbox', { name: "Valable jusqu'au" });
    await amend.locator('#consent-valid-until-error').waitFor();
    expect(await until.getAttribute('aria-invalid')).toBe('true');
    await until.fill(parisDay(0, 90));
    await amend.getByRole('button', { name: "Enregistrer l'accord" }).click();
    await amend.waitFor({ state: 'hidden' });
    await list.getByText('Remplacé').waitFor();

    await preview.getByRole('combobox', { name: 'Voir comme' }).selectOption({ label: ACI });
    await stages.first().getByText(ACI_SUMMARY).waitFor();

    // Withdrawal: a reason is required; the preview follows at once.
    await nadia.getByRole('button', { name: `Retirer l'accord donné à la structure ${ACI}` }).click();
    const revoke = nadia.getByRole('alertdialog', { name: "Retirer l'accord de partage" });
    await revoke.getByRole('button', { name: "Retirer l'accord" }).click();
    await revoke.getByText('Indiquez le motif du retrait.').waitFor();
    await revoke.getByRole('textbox', { name: 'Motif du retrait' }).fill('La personne ne souhaite plus partager');
    await revoke.getByRole('button', { name: "Retirer l'accord" }).click();
    await revoke.waitFor({ state: 'hidden' });
    await list.getByRole('listitem').first().getByText('Retiré', { exact: true }).first().waitFor();
    expect(await nadia.getByRole('button', { name: `Retirer l'accord donné à la structure ${ACI}` }).count()).toBe(0);
    await preview.getByText("Rien n'est partagé avec cette structure.").waitFor();
  });
});
