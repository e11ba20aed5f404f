import { describe, expect, it } from 'vitest';
import { axeViolations } from './support/axe';
import { chromiumAvailable } from './support/browser';
import { browserSuite } from './support/browser-suite';
import { apiSession, logIn, parisDay, personWithAciStage } from './support/demo-session';

const ACI = 'Jardins du Drac (ACI)';
const SUMMARY = 'Espaces verts à Échirolles, 26 h par semaine';

/**
 * The participant's own space on a phone (360 × 740): her referent issues a code from her file; she
 * signs in with it, sees her plan and who consulted her file, and withdraws a consent, which the
 * partner no longer reaches.
 */
describe.runIf(chromiumAvailable())('the participant’s own space', () => {
  const suite = browserSuite();

  it('a referent’s code opens her space on a phone; she sees her plan and her readers, and withdraws a consent', async () => {
    const api = await apiSession(suite.server.url, 'nadia@grenoble.demo');
    const lastName = `Traoré${Date.now() % 100000}`;
    const { participantId, aciId } = await personWithAciStage(api, ACI, { firstName: 'Awa', lastName, birthDate: '1991-05-02', summary: SUMMARY });
    await api('mutation Grant($input: GrantConsentInput!) { grantConsent(input: $input) { id } }', {
      input: {
        participantId: participantId,
        granteeOrganisationId: aciId,
        dataClasses: ['STAGE_LIST', 'STAGE_DETAILS'],
        purpose: 'CONTRACT_REPORTING',
        method: 'SIGNED_FORM',
        collectedOn: parisDay(),
        noticeVersion: 'notice-2026',
      },
    });
    // The employer reads her file once: the read she will see.
    const karim = await apiSession(suite.server.url, 'karim@grenoble.demo');
    const read = await karim<{ participant: { lastName: string } | null }>('query P($id: ID!) { participant(id: $id) { lastName } }', {
      id: participantId,
    });
    expect(read.participant?.lastName).toBe(lastName);

    // The referent issues a code from the identity tab.
    const nadia = await logIn(suite.browser, suite.server.url, 'nadia@grenoble.demo', 900);
    await nadia.goto(`${suite.server.url}/participants/${encodeURIComponent(participantId)}`);
    await nadia.getByRole('heading', { name: 'Espace personnel de la personne' }).waitFor();
    await nadia.getByText("La personne n'est pas connectée à son espace.").waitFor();
    await nadia.getByRole('button', { name: 'Nouveau code' }).click();
    const code = (await nadia.getByTestId('participant-space-code').textContent())!.trim();
    expect(code).toMatch(/^[A-Z0-9]{4}-[A-Z0-9]{4}$/);

    // She signs in on her phone: a mistyped code first.
    const context = await suite.browser.newContext({ viewport: { width: 360, height: 740 }, locale: 'fr-FR', isMobile: true, hasTouch: true });
    const phone = await context.newPage();
    await phone.goto(`${suite.server.url}/mon-espace`);
    await phone.getByRole('heading', { name: 'Accéder à mon espace' }).waitFor();
    expect(await axeViolations(phone)).toEqual([]);
    await phone.getByLabel('Mon code').fill('AAAA-AAAA');
    await phone.getByRole('button', { name: 'Entrer' }).click();
    await phone.getByText('Ce code ne fonctionne pas').waitFor();
    await phone.getByLabel('Mon code').fill(code.toLowerCase());
    await phone.getByRole('button', { name: 'Entrer' }).click();
    await phone.getByRole('heading', { name: 'Bonjour Awa' }).waitFor();

    // Her plan (the shared summary), who read her file, in plain words.
    const plan = phone.getByRole('region', { name: "Mon plan d'action" });
    await plan.getByText(SUMMARY).waitFor();
    const reads = phone.getByRole('region', { name: 'Qui a consulté mon dossier' });
    await reads.getByText(`${ACI} a consulté`, { exact: false }).first().waitFor();
    expect(await phone.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    expect(await axeViolations(phone)).toEqual([]);

    // She withdraws the consent; the employer no longer reaches her.
    const shared = phone.getByRole('region', { name: 'Ce que je partage' });
    await shared.getByText(`${ACI} voit vos étapes et le détail de vos étapes`, { exact: false }).waitFor();
    await shared.getByRole('button', { name: /Retirer mon accord/ }).click();
    const confirm = phone.getByRole('alertdialog', { name: 'Retirer cet accord ?' });
    await confirm.getByRole('button', { name: 'Retirer mon accord' }).click();
    await shared.getByText('le partenaire ne voit plus ces informations', { exact: false }).waitFor();
    await shared.getByText('Plus en vigueur depuis', { exact: false }).waitFor();
    await expect(karim('query P($id: ID!) { participant(id: $id) { lastName } }', { id: participantId })).rejects.toThrow('Élément introuvable');

    // She asks for a correction: due in a month, listed for the animation team, who answer it.
    const rights = phone.getByRole('region', { name: 'Mes droits sur mes données' });
    await rights.getByRole('button', { name: 'Envoyer ma demande' }).click();
    await rights.getByText('Écrivez ce que vous demandez.').waitFor();
    await rights.getByLabel('Ce que je demande').fill(`Mon nom s'écrit ${lastName} avec un accent`);
    await rights.getByRole('button', { name: 'Envoyer ma demande' }).click();
    await rights.getByText("L'équipe du PLIE doit vous répondre dans un délai d'un mois.").waitFor();
    await rights.getByText('réponse au plus tard le', { exact: false }).waitFor();
    expect(await axeViolations(phone)).toEqual([]);
    const marc = await logIn(suite.browser, suite.server.url, 'marc@grenoble.demo');
    await marc.getByRole('link', { name: 'Demandes RGPD' }).click();
    const request = marc.getByRole('row').filter({ hasText: `Mon nom s'écrit ${lastName}` });
    await request.getByText('À traiter au plus tard le', { exact: false }).waitFor();
    expect(await axeViolations(marc)).toEqual([]);
    await request.getByRole('button', { name: 'Répondre et clore : demande de', exact: false }).click();
    const dialog = marc.getByRole('dialog', { name: 'Répondre et clore' });
    await dialog.getByLabel('Réponse à la personne').fill('Nom corrigé dans votre dossier.');
    await dialog.getByRole('button', { name: 'Clore la demande' }).click();
    await request.getByText('Répondue le', { exact: false }).waitFor();
    await phone.reload();
    await phone.getByText('réponse : Nom corrigé dans votre dossier.').waitFor();

    // The referent sees the access in use.
    await nadia.reload();
    await nadia.getByText('La personne est connectée à son espace en ce moment.').waitFor();
    await context.close();
  });
});
