import { describe, expect, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { extractText, getDocumentProxy } from 'unpdf';
import { chromiumAvailable } from './support/browser';
import { browserSuite } from './support/browser-suite';
import { logIn, parisDay } from './support/demo-session';

const COMMUNE = "CCAS d'Échirolles";
const ACI = 'Jardins du Drac (ACI)';
const WITHHELD = (position: number) => `Point ${position} — non communiqué : la personne n’a pas accepté de partager sa situation avec votre structure`;
const MINUTE = 60 * 1000;

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

/** A PDF sent with an agenda item, from the page of the one who proposed it (POST /meetings/{id}/documents?item=). */
async function attachToItem(page: Page, meetingId: string, itemId: string, fileName: string): Promise<string> {
  const { status, id } = await page.evaluate(
    async ({ meetingId, itemId, fileName }) => {
      const body = new FormData();
      body.append('file', new File(['%PDF-1.7\n%%EOF\n'], fileName, { type: 'application/pdf' }));
      const url = `/meetings/${encodeURIComponent(meetingId)}/documents?item=${encodeURIComponent(itemId)}`;
      const response = await fetch(url, { method: 'POST', body, credentials: 'include' });
      return { status: response.status, id: ((await response.json()) as { id?: string }).id ?? '' };
    },
    { meetingId, itemId, fileName },
  );
  expect(status).toBe(201);
  return id;
}

/** The organisation's copy of the minutes, downloaded through the page's link, as text (spaces and line breaks as one space). */
async function pdfText(page: Page): Promise<string> {
  const link = page.getByRole('link', { name: 'Télécharger l’exemplaire PDF' });
  const response = await page.request.get(new URL((await link.getAttribute('href'))!, page.url()).toString());
  expect(response.status()).toBe(200);
  expect(response.headers()['content-type']).toMatch(/^application\/pdf/);
  const { text } = await extractText(await getDocumentProxy(new Uint8Array(await response.body())), { mergePages: true });
  return text.replace(/\s+/g, ' ');
}

/**
 * Issue 6: a coordination meeting with a commune's social service (Sophie) and an integration
 * company (Karim) discusses three people — one agreed to share her situation with both, one with the
 * commune only, one with nobody. Before the minutes are published an attendee sees the agenda and
 * nothing of what was said; after, each sees, on screen and in its PDF copy, exactly its share: the
 * others' points keep their place and say nothing more.
 * Everything the attendees read is set up through GraphQL by Nadia (referent) and Marc (animation team), from their pages.
 */
describe.runIf(chromiumAvailable())('a coordination meeting, redacted for each invited organisation', () => {
  const suite = browserSuite();

  it('shows the commune and the integration company only the people who agreed to share with each', async () => {
    const run = Date.now() % 100000;
    const people = [
      { firstName: 'Inès', lastName: `Vasseur${run}`, shares: [COMMUNE, ACI] },
      { firstName: 'Bruno', lastName: `Lemaire${run}`, shares: [COMMUNE] },
      { firstName: 'Chloé', lastName: `Garnier${run}`, shares: [] },
    ].map((p) => ({ ...p, name: `${p.firstName} ${p.lastName}`, minutes: `Compte rendu : ${p.firstName} ${p.lastName} reprend contact avec son référent.` }));
    const title = `Coordination des parcours ${run}`;
    const general = 'Calendrier des ateliers collectifs de janvier';
    const generalMinutes = `Prochaine réunion de coordination fixée en février (${run}).`;

    // Nadia (referent): three people on file, their consents for coordination meetings.
    const nadia = await logIn(suite.browser, suite.server.url, 'nadia@grenoble.demo');
    const asNadia = graphqlFrom(nadia);
    const organisationId = async (search: string, name: string) => {
      const { organisations } = await asNadia<{ organisations: { edges: Array<{ node: { id: string; name: string } }> } }>(
        'query Orgs($filter: OrganisationFilter) { organisations(filter: $filter) { edges { node { id name } } } }',
        { filter: { search } },
      );
      return organisations.edges.find((e) => e.node.name === name)!.node.id;
    };
    const organisationIds: Record<string, string> = { [COMMUNE]: await organisationId('Échirolles', COMMUNE), [ACI]: await organisationId('Jardins', ACI) };
    const orgId = (name: string) => organisationIds[name]!;
    const participantIds: string[] = [];
    for (const person of people) {
      const { createParticipant } = await asNadia<{ createParticipant: { id: string } }>(
        'mutation Create($input: CreateParticipantInput!) { createParticipant(input: $input) { id } }',
        { input: { details: { firstName: person.firstName, lastName: person.lastName, birthDate: '1987-05-12' }, referralDate: parisDay(0, -30) } },
      );
      participantIds.push(createParticipant.id);
      for (const grantee of person.shares)
        await asNadia('mutation Grant($input: GrantConsentInput!) { grantConsent(input: $input) { id } }', {
          input: {
            participantId: createParticipant.id,
            granteeOrganisationId: orgId(grantee),
            dataClasses: ['PATHWAY_STATUS'],
            purpose: 'COORDINATION_MEETINGS',
            method: 'SIGNED_FORM',
            collectedOn: parisDay(),
            noticeVersion: 'notice-2026-11',
          },
        });
    }

    // Marc (animation team) plans the meeting, held earlier today, inviting both organisations and Sophie and Karim by name.
    const marc = await logIn(suite.browser, suite.server.url, 'marc@grenoble.demo');
    const asMarc = graphqlFrom(marc);
    const { meetingInviteeOptions } = await asMarc<{ meetingInviteeOptions: Array<{ userId: string; name: string }> }>(
      'query Options($ids: [ID!]!) { meetingInviteeOptions(organisationIds: $ids) { userId name } }',
      { ids: Object.values(organisationIds) },
    );
    const inviteeUserIds = meetingInviteeOptions.filter((p) => ['Sophie Martin', 'Karim Haddad'].includes(p.name)).map((p) => p.userId);
    expect(inviteeUserIds).toHaveLength(2);
    const now = Date.now();
    const { planMeeting } = await asMarc<{ planMeeting: { id: string } }>('mutation Plan($input: PlanMeetingInput!) { planMeeting(input: $input) { id } }', {
      input: {
        details: {
          kind: 'PARTNER_COORDINATION',
          title,
          // Just over (a meeting is planned from now on, with a few minutes' grace), then held at once.
          startsAt: new Date(now - 10 * MINUTE).toISOString(),
          endsAt: new Date(now - MINUTE).toISOString(),
          place: 'Maison des solidarités, Échirolles',
          organisationIds: Object.values(organisationIds),
          inviteeUserIds,
        },
      },
    });
    const meetingId = planMeeting.id;

    // The agenda: Nadia proposes a point about each person, Marc adds a general one; each person's point carries a document.
    for (const [index, person] of people.entries())
      await asNadia('mutation Add($input: AddAgendaItemInput!) { addAgendaItem(input: $input) { id } }', {
        input: { meetingId, participantId: participantIds[index], question: `Quelle suite pour ${person.name} ?` },
      });
    await asMarc('mutation Add($input: AddAgendaItemInput!) { addAgendaItem(input: $input) { id } }', { input: { meetingId, question: general } });
    type Agenda = { meeting: { version: number; agenda: Array<{ id: string; version: number }> } };
    const readAgenda = () => asMarc<Agenda>('query Meeting($id: ID!) { meeting(id: $id) { version agenda { id version } } }', { id: meetingId });
    let { meeting } = await readAgenda();
    expect(meeting.agenda).toHaveLength(4);
    const documentIds: string[] = [];
    for (const [index, person] of people.entries())
      documentIds.push(await attachToItem(nadia, meetingId, meeting.agenda[index]!.id, `bilan-${person.lastName}.pdf`));

    // The meeting is held: minutes on every point, actions, the general minutes; then published.
    await asMarc('mutation Hold($input: MeetingVersionInput!) { holdMeeting(input: $input) { id } }', { input: { meetingId, version: meeting.version } });
    ({ meeting } = await readAgenda());
    const outcomes = [...people.map((p) => p.minutes), `Ateliers confirmés (${run}).`];
    for (const [index, item] of meeting.agenda.entries())
      await asMarc('mutation Outcome($input: RecordAgendaOutcomeInput!) { recordAgendaOutcome(input: $input) { id } }', {
        input: { itemId: item.id, version: item.version, minutes: outcomes[index] },
      });
    const actions = [
      { item: 0, owner: ACI, description: `Proposer un poste en atelier espaces verts à ${people[0]!.name}` },
      { item: 2, owner: COMMUNE, description: `Instruire l’aide au logement de ${people[2]!.name}` },
      { item: 3, owner: COMMUNE, description: `Réserver la salle des ateliers (${run})` },
    ];
    for (const action of actions)
      await asMarc('mutation Action($input: AddAgendaActionInput!) { addAgendaAction(input: $input) { id } }', {
        input: { itemId: meeting.agenda[action.item]!.id, ownerOrganisationId: orgId(action.owner), description: action.description, dueOn: parisDay(1) },
      });
    ({ meeting } = await readAgenda());
    await asMarc('mutation Minutes($input: RecordMeetingMinutesInput!) { recordMeetingMinutes(input: $input) { id } }', {
      input: { meetingId, version: meeting.version, minutes: generalMinutes },
    });

    /** What an attendee must find (named points) and must never find (withheld people, their minutes, actions and documents). */
    async function expectShare(page: Page, shown: number[], withheld: number[]) {
      const agenda = page.getByRole('list', { name: 'Ordre du jour' });
      const points: Locator = agenda.locator(':scope > li');
      await points.first().waitFor();
      expect(await points.count()).toBe(4);
      for (const index of shown) {
        const person = people[index]!;
        const point = points.nth(index);
        await point.getByRole('heading', { name: `Point ${index + 1} — ${person.name}`, level: 3 }).waitFor();
        // A file opened by a referent awaits the commission's accreditation.
        await point.getByText("En attente d'agrément", { exact: true }).waitFor();
        await point.getByText(`Quelle suite pour ${person.name} ?`).waitFor();
        await point.getByText(person.minutes).waitFor();
        await point.getByRole('link', { name: `bilan-${person.lastName}.pdf` }).waitFor();
      }
      for (const index of withheld) expect((await points.nth(index).innerText()).trim()).toBe(WITHHELD(index + 1));
      await points
        .nth(3)
        .getByRole('heading', { name: `Point 4 — ${general}`, level: 3 })
        .waitFor();
      await points.nth(3).getByText(`Ateliers confirmés (${run}).`).waitFor();
      await points.nth(3).getByText(`Réserver la salle des ateliers (${run})`).waitFor();
      await page.getByRole('region', { name: 'Compte rendu général' }).getByText(generalMinutes).waitFor();

      const text = await page.getByRole('main').innerText();
      for (const index of withheld) {
        expect(text).not.toContain(people[index]!.lastName);
        expect(text).not.toContain(people[index]!.minutes);
      }
      // A withheld point's document is not served either, even asked for by its address.
      for (const index of withheld)
        expect((await page.request.get(`${suite.server.url}/meeting-documents/${encodeURIComponent(documentIds[index]!)}`)).status()).toBe(404);
      const shownDocument = await page.request.get(`${suite.server.url}/meeting-documents/${encodeURIComponent(documentIds[shown[0]!]!)}`);
      expect(shownDocument.status()).toBe(200);

      // The PDF copy of the organisation: the same share.
      const pdf = await pdfText(page);
      expect(pdf).toContain(title);
      expect(pdf).toContain(generalMinutes);
      for (const index of shown) {
        expect(pdf).toContain(people[index]!.name);
        expect(pdf).toContain(people[index]!.minutes);
      }
      for (const index of withheld) {
        expect(pdf).not.toContain(people[index]!.lastName);
        expect(pdf).not.toContain(people[index]!.minutes);
      }
    }

    // Sophie (the commune) opens it from « Réunions » (past meetings) while the minutes are still unpublished: the agenda only.
    const sophie = await logIn(suite.browser, suite.server.url, 'sophie@grenoble.demo', 900);
    await sophie.getByRole('navigation', { name: 'Navigation principale' }).getByRole('link', { name: 'Réunions', exact: true }).click();
    await sophie.getByRole('heading', { name: 'Réunions', level: 1 }).waitFor();
    await sophie.getByRole('combobox', { name: 'Réunions à afficher' }).selectOption({ label: 'Passées' });
    await sophie.waitForURL((url) => url.searchParams.get('periode') === 'passees');
    const past = sophie.getByRole('table', { name: 'Réunions passées' });
    const row = past.getByRole('row').filter({ hasText: title });
    await row.getByText('Réunion de coordination partenariale').waitFor();
    await row.getByText('Maison des solidarités, Échirolles').waitFor();
    await row.getByText('En séance', { exact: true }).waitFor();
    await row.getByRole('link', { name: title }).click();
    await sophie.getByRole('heading', { name: title, level: 1 }).waitFor();
    const details = sophie.getByRole('region', { name: 'Informations' });
    await details.getByText(`${COMMUNE}, ${ACI}`).waitFor();
    await details.getByText(/Karim Haddad \(Jardins du Drac \(ACI\)\)/).waitFor();
    await sophie.getByRole('heading', { name: `Point 1 — ${people[0]!.name}`, level: 3 }).waitFor();
    await sophie.getByText('Le compte rendu sera visible ici une fois publié par l’équipe d’animation.').waitFor();
    const unpublished = await sophie.getByRole('main').innerText();
    for (const text of [...outcomes, generalMinutes, actions[0]!.description]) expect(unpublished).not.toContain(text);
    const agendaPdf = await pdfText(sophie);
    expect(agendaPdf).toContain(people[0]!.name);
    expect(agendaPdf).not.toContain(people[0]!.minutes);
    expect(agendaPdf).not.toContain(people[2]!.lastName);

    // Marc publishes the minutes: Sophie's page now holds her share of them.
    ({ meeting } = await readAgenda());
    await asMarc('mutation Publish($input: MeetingVersionInput!) { publishMinutes(input: $input) { id } }', { input: { meetingId, version: meeting.version } });
    await sophie.reload();
    await details.getByText('Compte rendu publié', { exact: true }).waitFor();
    await expectShare(sophie, [0, 1], [2]);

    // Karim (the integration company): straight to the meeting's address.
    const karim = await logIn(suite.browser, suite.server.url, 'karim@grenoble.demo', 900);
    await karim.getByRole('navigation', { name: 'Navigation principale' }).getByRole('link', { name: 'Réunions', exact: true }).waitFor();
    await karim.goto(`${suite.server.url}/partenaire/reunions/${encodeURIComponent(meetingId)}`);
    await karim.getByRole('heading', { name: title, level: 1 }).waitFor();
    await expectShare(karim, [0], [1, 2]);
    await karim.getByText(actions[0]!.description).waitFor();
  }, 180_000);
});
