import { expect } from 'vitest';
import { addDays, addMonths } from '@jalon/domain';
import { todayInFrance } from '@jalon/api/src/graphql/date-input';
import type { Browser, Page } from 'playwright-core';
import { DEMO_PASSWORD } from '@jalon/api/src/db/seed/demo-data';

/**
 * Today in France, YYYY-MM-DD, moved by some months, then days: on 29 March, a month back is 28
 * February, not 1 March (the month before is February, as the pages say).
 */
export function parisDay(months = 0, days = 0): string {
  return addDays(addMonths(todayInFrance(new Date()), months), days);
}

/** A demo user logged in through the portal's login page, in a browser context of their own (French, laptop screen). */
export async function logIn(browser: Browser, url: string, email: string, height = 768): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1366, height }, locale: 'fr-FR' });
  // Under scripts/suite-on-day.sh the browser runs on the real clock: its pages get the suite's.
  if (process.env.FAKETIME) await context.clock.install({ time: Date.now() });
  const page = await context.newPage();
  await page.goto(`${url}/login`);
  await page.getByLabel('Adresse e-mail').fill(email);
  await page.getByLabel('Mot de passe').fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Se connecter' }).click();
  await page.getByRole('button', { name: 'Se déconnecter' }).waitFor();
  return page;
}

/**
 * Makes a user of several PLIEs act for the one named. She lands in the PLIE she used last, and
 * other tests (and the demo's integration test) switch her: a test that needs one says which.
 */
export async function actFor(page: Page, plie: string): Promise<void> {
  const switcher = page.getByLabel('PLIE et organisation');
  const membership = await switcher.locator(`optgroup[label="${plie}"] option`).first().getAttribute('value');
  if ((await switcher.inputValue()) === membership) return;
  await switcher.selectOption(membership!);
  await page.getByRole('button', { name: 'Changer' }).click();
  await expect.poll(() => switcher.inputValue()).toBe(membership);
}

/** A demo user's GraphQL session on the same server (cookie kept by hand), for what a test sets up without the browser. */
export async function apiSession(url: string, email: string) {
  let cookie = '';
  async function gql<T>(query: string, variables: Record<string, unknown> = {}): Promise<T> {
    const response = await fetch(`${url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'accept-language': 'fr', ...(cookie ? { cookie } : {}) },
      body: JSON.stringify({ query, variables }),
    });
    const setCookies = response.headers.getSetCookie();
    if (setCookies.length) cookie = setCookies.map((c) => c.split(';')[0]).join('; ');
    const body = (await response.json()) as { data?: T; errors?: Array<{ message: string }> };
    if (body.errors?.length) throw new Error(`GraphQL: ${body.errors.map((e) => e.message).join('; ')}`);
    return body.data!;
  }
  await gql('mutation Login($input: LoginInput!) { login(input: $input) { user { id } } }', { input: { email, password: DEMO_PASSWORD } });
  return gql;
}

type ApiSession = Awaited<ReturnType<typeof apiSession>>;

/**
 * A new person in the referent's caseload, referred 20 days ago, with a CDDI stage at the demo's
 * integration company (`aci`, its name) begun a week ago: what a test about sharing with it starts from.
 */
export async function personWithAciStage(api: ApiSession, aci: string, person: { firstName: string; lastName: string; birthDate: string; summary: string }) {
  const { organisations } = await api<{ organisations: { edges: Array<{ node: { id: string; name: string } }> } }>(
    'query Orgs($filter: OrganisationFilter) { organisations(filter: $filter) { edges { node { id name } } } }',
    { filter: { search: aci } },
  );
  const aciId = organisations.edges.find((e) => e.node.name === aci)!.node.id;
  const { stageKinds } = await api<{ stageKinds: Array<{ id: string; code: string }> }>('{ stageKinds { id code } }');
  const { createParticipant } = await api<{ createParticipant: { id: string; currentPathway: { id: string } } }>(
    'mutation Create($input: CreateParticipantInput!) { createParticipant(input: $input) { id currentPathway { id } } }',
    { input: { details: { firstName: person.firstName, lastName: person.lastName, birthDate: person.birthDate }, referralDate: parisDay(0, -20) } },
  );
  await api('mutation Add($input: AddStageInput!) { addStage(input: $input) { id } }', {
    input: {
      pathwayId: createParticipant.currentPathway.id,
      kindId: stageKinds.find((k) => k.code === 'IAE_CDDI_ACI')!.id,
      operatorId: aciId,
      plannedStart: parisDay(0, -7),
      sharedSummary: person.summary,
    },
  });
  return { participantId: createParticipant.id, aciId };
}
