import { describe, expect, it } from 'vitest';
import { chromiumAvailable } from './support/browser';
import { browserSuite } from './support/browser-suite';
import { apiSession, logIn, parisDay } from './support/demo-session';
import { downloaded } from './support/download';

describe.runIf(chromiumAvailable())("the animation team exports a referent's agenda", () => {
  const suite = browserSuite();

  it('waits for a referent to be chosen, then downloads that referent’s agenda', async () => {
    // Nadia holds a workshop tomorrow at the end of the afternoon; Julien, of the same organisation,
    // has nothing in it. After 16:00: the demo books her office hours in the communes until then
    // (Tuesdays and Thursdays from 13:30), and at 14:00 a Monday's run collided with one.
    const day = parisDay(0, 1);
    const nadia = await apiSession(suite.server.url, 'nadia@grenoble.demo');
    const { participants } = await nadia<{ participants: { edges: Array<{ node: { id: string } }> } }>(
      '{ participants(page: { first: 1 }) { edges { node { id } } } }',
    );
    await nadia(`mutation($input: ScheduleAppointmentInput!) { scheduleAppointment(input: $input) { id } }`, {
      input: {
        kind: 'COLLECTIVE',
        title: 'Atelier export agenda',
        startsAt: `${day}T16:30:00+01:00`,
        endsAt: `${day}T17:30:00+01:00`,
        mode: 'IN_PERSON',
        place: 'OFFICE',
        participantIds: [participants.edges[0]!.node.id],
      },
    });

    const marc = await logIn(suite.browser, suite.server.url, 'marc@grenoble.demo');
    await marc.goto(`${suite.server.url}/agenda?date=${day}`);
    const exportBefore = marc.getByRole('button', { name: 'Exporter (.ics)' });
    await exportBefore.waitFor();
    expect(await exportBefore.isDisabled()).toBe(true);
    expect(await exportBefore.getAttribute('aria-describedby')).toBe('agenda-referent-hint');
    await marc.getByText("Choisissez un référent pour voir son agenda, l'exporter ou y inscrire une action collective.").waitFor();

    const referent = marc.getByLabel('Référent', { exact: true });
    await referent.selectOption({ label: await referent.locator('option', { hasText: 'Nadia Benali' }).innerText() });
    await marc.getByText('Atelier export agenda').first().waitFor();
    const [download] = await Promise.all([marc.waitForEvent('download'), marc.getByRole('link', { name: 'Exporter (.ics)' }).click()]);
    const ics = (await downloaded(download)).toString('utf8');
    expect(ics).toContain('BEGIN:VCALENDAR');
    expect(ics).toContain('SUMMARY:Atelier export agenda');

    // Another referent's export does not hold Nadia's workshop.
    await referent.selectOption({ label: await referent.locator('option', { hasText: 'Julien Perrin' }).innerText() });
    await expect.poll(() => marc.getByText('Atelier export agenda').count()).toBe(0);
    const [other] = await Promise.all([marc.waitForEvent('download'), marc.getByRole('link', { name: 'Exporter (.ics)' }).click()]);
    const otherIcs = (await downloaded(other)).toString('utf8');
    expect(otherIcs).toContain('BEGIN:VCALENDAR');
    expect(otherIcs).not.toContain('Atelier export agenda');
  });
});
