import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { chromiumAvailable } from './support/browser';
import { browserSuite } from './support/browser-suite';
import { axeViolations } from './support/axe';
import { apiSession, logIn, parisDay } from './support/demo-session';

describe.runIf(chromiumAvailable())("the referents' monitoring", () => {
  const suite = browserSuite();

  /** A count of the home page, once shown. */
  async function homeCount(page: Page, key: string): Promise<number> {
    const link = page.getByTestId(`home-count-${key}`);
    await link.waitFor();
    return Number(await link.locator('.home-count-number').innerText());
  }
  async function todayCount(page: Page): Promise<number> {
    const heading = page.getByRole('heading', { name: /^Aujourd'hui : / });
    await heading.waitFor();
    const text = await heading.innerText();
    return text.includes('aucun') ? 0 : Number(/(\d+) rendez-vous/.exec(text)![1]);
  }

  it('shows a referent her own figures at home, live: a new file, then an appointment held today', async () => {
    const nadia = await logIn(suite.browser, suite.server.url, 'nadia@grenoble.demo');
    await nadia.getByRole('region', { name: 'Mon suivi' }).waitFor();
    const caseload = await homeCount(nadia, 'active-caseload');
    const over60 = await homeCount(nadia, 'over-60-days');
    const today = await todayCount(nadia);

    // Someone referred three months ago enters her caseload, never met since: one more in both counts.
    const api = await apiSession(suite.server.url, 'nadia@grenoble.demo');
    const { createParticipant } = await api<{ createParticipant: { id: string; currentPathway: { id: string; version: number } } }>(
      `mutation($input: CreateParticipantInput!) { createParticipant(input: $input) { id currentPathway { id version } } }`,
      { input: { details: { firstName: 'Lina', lastName: 'Suivi-Accueil', birthDate: '1990-03-03' }, referralDate: parisDay(-3), confirmNotDuplicate: true } },
    );
    const { id, currentPathway } = createParticipant;
    await api(`mutation($input: ChangePathwayStatusInput!) { changePathwayStatus(input: $input) { id } }`, {
      input: { pathwayId: currentPathway.id, version: currentPathway.version, status: 'ACTIVE', date: parisDay(-2) },
    });
    await nadia.reload();
    await expect.poll(() => homeCount(nadia, 'active-caseload')).toBe(caseload + 1);
    expect(await homeCount(nadia, 'over-60-days')).toBe(over60 + 1);

    // She receives her today (a few minutes ago) and records her there: no longer over 60 days, one more appointment today.
    // Early this morning, before the demo's first appointment (9:00), or a few minutes ago if earlier still: never double-booked.
    const startsAt = new Date(Math.min(Date.now() - 5 * 60_000, Date.parse(`${parisDay()}T05:00:00Z`)));
    const { scheduleAppointment } = await api<{ scheduleAppointment: { id: string } }>(
      `mutation($input: ScheduleAppointmentInput!) { scheduleAppointment(input: $input) { id } }`,
      {
        input: {
          kind: 'INDIVIDUAL',
          startsAt: startsAt.toISOString(),
          endsAt: new Date(startsAt.getTime() + 30 * 60_000).toISOString(),
          mode: 'IN_PERSON',
          place: 'OFFICE',
          participantIds: [id],
        },
      },
    );
    await api(`mutation($input: RecordAttendanceInput!) { recordAttendance(input: $input) { id } }`, {
      input: { appointmentId: scheduleAppointment.id, participantId: id, attendance: 'PRESENT' },
    });
    await nadia.reload();
    await expect.poll(() => homeCount(nadia, 'over-60-days')).toBe(over60);
    expect(await todayCount(nadia)).toBe(today + 1);
    expect(await nadia.getByTestId('home-ratios').innerText()).toMatch(/Renouvellement sur 12 mois : .* contacts en présentiel : \d+\s%/);
  });

  it("lets the animation team compare referents and open a referent's list from the dashboard", async () => {
    // Someone of Nadia's caseload not met for three months, so her « over 60 days » is not empty.
    const api = await apiSession(suite.server.url, 'nadia@grenoble.demo');
    const { createParticipant } = await api<{ createParticipant: { currentPathway: { id: string; version: number } } }>(
      `mutation($input: CreateParticipantInput!) { createParticipant(input: $input) { currentPathway { id version } } }`,
      { input: { details: { firstName: 'Omar', lastName: 'Suivi-Tableau', birthDate: '1985-04-04' }, referralDate: parisDay(-3), confirmNotDuplicate: true } },
    );
    await api(`mutation($input: ChangePathwayStatusInput!) { changePathwayStatus(input: $input) { id } }`, {
      input: { pathwayId: createParticipant.currentPathway.id, version: createParticipant.currentPathway.version, status: 'ACTIVE', date: parisDay(-2) },
    });

    const marc = await logIn(suite.browser, suite.server.url, 'marc@grenoble.demo');
    await marc.getByRole('link', { name: 'Suivi des référents' }).click();
    await marc.getByRole('heading', { name: 'Suivi des référents', level: 1 }).waitFor();
    const referents = marc.getByRole('table', { name: 'Par référent' });
    await referents.waitFor();
    await marc.getByRole('table', { name: 'Par structure porteuse' }).waitFor();
    expect(await marc.getByTestId('monitoring-targets').innerText()).toContain('70 personnes en file active par référent');
    expect(await axeViolations(marc)).toEqual([]);

    // Nadia's « over 60 days » opens exactly the people it counts.
    const over60 = marc.getByTestId('monitoring-over60-Nadia Benali');
    const count = Number(await over60.innerText());
    await over60.click();
    await expect.poll(() => marc.url()).toContain('alert=NO_RECENT_APPOINTMENT');
    expect(marc.url()).toContain('referent=');
    expect(count).toBeGreaterThan(0);
    await marc.getByText(count === 1 ? '1 participant' : `${count} participants`, { exact: true }).waitFor();
    await marc.getByRole('link', { name: /Suivi-Tableau/ }).waitFor();

    // Her name opens her active caseload.
    await marc.goBack();
    await marc.getByRole('link', { name: 'Ouvrir la file active de Nadia Benali' }).click();
    await expect.poll(() => marc.url()).toContain('status=PENDING_ACCREDITATION,ACTIVE,SUSPENDED');
    await marc.getByRole('table', { name: 'Liste des participants' }).waitFor();
  });
});
