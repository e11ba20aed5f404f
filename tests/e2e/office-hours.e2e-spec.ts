import { describe, expect, it } from 'vitest';
import { chromiumAvailable } from './support/browser';
import { browserSuite } from './support/browser-suite';
import { axeViolations } from './support/axe';
import { apiSession, logIn } from './support/demo-session';

/**
 * Office hours from end to end: Sophie, the agent of the CCAS of Échirolles, books a free slot of
 * Nadia's office hours in Échirolles for a resident she refers, with the person's agreement; Nadia
 * sees the appointment in her agenda.
 */
describe.runIf(chromiumAvailable())('office hours', () => {
  const suite = browserSuite();

  it("Sophie books Nadia's office hour in Échirolles for a resident she refers; Nadia sees it in her agenda", async () => {
    const sophieApi = await apiSession(suite.server.url, 'sophie@grenoble.demo');
    const lastName = `Permanence${Date.now().toString(36)}`;
    await sophieApi(`mutation($input: SubmitReferralInput!) { submitReferral(input: $input) { id } }`, {
      input: {
        details: { firstName: 'Zoé', lastName, birthDate: '1993-04-18', communeCode: '38151' },
        situation: 'Sans emploi depuis un an, accompagnée par le CCAS.',
        reason: 'Rencontrer la référente à la permanence du quartier.',
        agreementMethod: 'SIGNED_FORM',
        agreedOn: new Date().toISOString().slice(0, 10),
      },
    });

    const sophie = await logIn(suite.browser, suite.server.url, 'sophie@grenoble.demo');
    await sophie.getByRole('navigation', { name: 'Navigation principale' }).getByRole('link', { name: 'Permanences', exact: true }).click();
    await sophie.getByRole('heading', { name: 'Permanences', level: 1 }).waitFor();
    // Nadia's Tuesday afternoons at the CCAS: the first free slot of the week.
    const slot = sophie.getByRole('button', { name: /^Réserver le créneau du/ }).first();
    await slot.waitFor();
    await sophie.getByRole('table', { name: 'Fréquentation des permanences' }).waitFor();
    expect(await axeViolations(sophie)).toEqual([]);
    await slot.click();
    const dialog = sophie.getByRole('dialog', { name: 'Réserver un créneau' });
    await dialog.getByText(/CCAS d'Échirolles/).waitFor();
    await dialog.getByLabel('Personne orientée').selectOption({ label: `Zoé ${lastName}` });
    await dialog.getByLabel('Accord de la personne').selectOption({ label: 'Formulaire signé' });
    expect(await axeViolations(sophie)).toEqual([]);
    await dialog.getByRole('button', { name: 'Réserver' }).click();
    await dialog.waitFor({ state: 'hidden' });
    const title = `Permanence — Échirolles : Zoé ${lastName.charAt(0)}.`;
    await sophie.getByRole('table', { name: 'Mes réservations à venir' }).getByText(title).first().waitFor();

    // The day it was booked on, to open Nadia's agenda at that week.
    const { officeHoursBookings } = await sophieApi<{ officeHoursBookings: Array<{ title: string; startsAt: string }> }>(
      `{ officeHoursBookings { title startsAt } }`,
    );
    const booked = officeHoursBookings.find((b) => b.title === title)!;
    expect(booked).toBeDefined();
    const day = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Paris', year: 'numeric', month: '2-digit', day: '2-digit' }).format(
      new Date(booked.startsAt),
    );

    const nadia = await logIn(suite.browser, suite.server.url, 'nadia@grenoble.demo');
    await nadia.goto(`${suite.server.url}/agenda?date=${day}`);
    await nadia.getByText(title).first().waitFor();
    // And among the appointments booked in her office hours.
    await nadia.getByRole('navigation', { name: 'Navigation principale' }).getByRole('link', { name: 'Mes permanences' }).click();
    await nadia.getByRole('table', { name: 'Rendez-vous pris à mes permanences' }).getByText(title).waitFor();
    expect(await axeViolations(nadia)).toEqual([]);
  });

  it('the animation team assigns a referent to a commune', async () => {
    const marc = await logIn(suite.browser, suite.server.url, 'marc@grenoble.demo');
    await marc.getByRole('navigation', { name: 'Navigation principale' }).getByRole('link', { name: 'Affectations aux permanences' }).click();
    const table = marc.getByRole('table', { name: 'Affectations' });
    await table.getByText('Échirolles (38151)').waitFor();
    expect(await axeViolations(marc)).toEqual([]);
    await marc.getByRole('button', { name: 'Affecter un référent' }).click();
    const dialog = marc.getByRole('dialog', { name: 'Affecter un référent à une permanence' });
    await dialog.getByLabel('Référent', { exact: true }).selectOption({ index: 1 });
    await dialog.getByLabel('Code INSEE de la commune').fill('38169');
    await dialog.getByRole('button', { name: 'Affecter un référent' }).click();
    await table.getByText('Fontaine (38169)').waitFor();
  });
});
