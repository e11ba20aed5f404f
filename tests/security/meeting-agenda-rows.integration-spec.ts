import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toGlobalId } from '@jalon/api/src/graphql/relay';
import { createTenantFixture, FIXTURE_PASSWORD, type TenantFixture } from '@jalon/api/src/testing/fixtures';
import { GraphqlClient } from '@jalon/api/src/testing/graphql-client';
import { startTestServer, type TestServer } from '@jalon/api/src/testing/test-server';

/**
 * A meeting and its agenda are read as plain rows shaped in SQL (meeting.query.ts) since issue 15.
 * An invited partner must still see exactly its share, whatever the request's shape: aliases and
 * fragments answer the same places with the same withheld ones; a guessed id, a meeting of another
 * tenant or one its organisation is not invited to answer NOT_FOUND with nothing of the meeting;
 * a withdrawn consent withholds the point at the next request, in its place, and is no longer a
 * logged read.
 */

const clock = new Date('2026-11-27T10:00:00Z');
let server: TestServer;
let tenant: TenantFixture;
let other: TenantFixture;
let animation: GraphqlClient;
let referent: GraphqlClient;
let commune: GraphqlClient;
let aci: GraphqlClient;
let trainer: GraphqlClient;

const secret = (name: string) => `SECRET-${name}-dettes`;
const PLAN = `mutation($input: PlanMeetingInput!) { planMeeting(input: $input) { id } }`;
const ADD_ITEM = `mutation($input: AddAgendaItemInput!) { addAgendaItem(input: $input) { id agenda { id } } }`;
const GRANT = `mutation($input: GrantConsentInput!) { grantConsent(input: $input) { id version } }`;
const ACCESS_LOG = `query($id: ID!) { accessLog(participantId: $id) { totalCount } }`;

let meetingId: string;
let shared: { id: string; name: string };
let hidden: { id: string; name: string };
let withdrawn: { id: string; name: string; consent: { id: string; version: number } };
/** Meetings the commune may not read: of its PLIE without it, of another PLIE. */
let notInvitedId: string;
let otherTenantId: string;

async function client(email: string): Promise<GraphqlClient> {
  const c = new GraphqlClient(server.app);
  await c.login(email, FIXTURE_PASSWORD);
  return c;
}

async function createPerson(firstName: string, lastName: string): Promise<{ id: string; name: string }> {
  const created = await referent.data(`mutation($input: CreateParticipantInput!) { createParticipant(input: $input) { id } }`, {
    input: { details: { firstName, lastName, birthDate: '1987-05-06' } },
  });
  return { id: created.createParticipant.id, name: `${firstName} ${lastName}` };
}

function grantMeetings(participantId: string) {
  return referent.data(GRANT, {
    input: {
      participantId,
      granteeOrganisationId: tenant.organisations.commune.globalId,
      effect: 'GRANT',
      dataClasses: ['PATHWAY_STATUS'],
      purpose: 'COORDINATION_MEETINGS',
      method: 'SIGNED_FORM',
      collectedOn: '2026-11-20',
      noticeVersion: 'notice-2026-11',
    },
  });
}

function details(title: string, organisationIds: string[]) {
  return { kind: 'PARTNER_COORDINATION', title, startsAt: '2026-12-03T09:00:00.000Z', endsAt: '2026-12-03T11:00:00.000Z', place: 'Mairie', organisationIds };
}

beforeAll(async () => {
  server = await startTestServer({}, { clock: () => clock });
  tenant = await createTenantFixture(server, 'Agenda rows');
  other = await createTenantFixture(server, 'Agenda elsewhere');
  animation = await client(tenant.users.animation.email);
  referent = await client(tenant.users.referent.email);
  commune = await client(tenant.users.partner.email);
  aci = await client(tenant.users.aci.email);
  trainer = await client(tenant.users.trainer.email);

  shared = await createPerson('Aline', 'Partagée');
  hidden = await createPerson('Hector', 'Retenu');
  const person = await createPerson('Wanda', 'Retirée');
  await grantMeetings(shared.id);
  withdrawn = { ...person, consent: (await grantMeetings(person.id)).grantConsent };

  meetingId = (await animation.data(PLAN, { input: { details: details('Coordination rangs', [tenant.organisations.commune.globalId]) } })).planMeeting.id;
  for (const p of [shared, hidden, withdrawn]) await referent.data(ADD_ITEM, { input: { meetingId, participantId: p.id, question: secret(p.name) } });
  await animation.data(ADD_ITEM, { input: { meetingId, question: 'Forum emploi' } });

  notInvitedId = (await animation.data(PLAN, { input: { details: details('Sans la commune', [tenant.organisations.siae.globalId]) } })).planMeeting.id;
  await animation.data(ADD_ITEM, { input: { meetingId: notInvitedId, question: 'SECRET-ENTRE-SIAE' } });
  const foreign = await client(other.users.animation.email);
  otherTenantId = (await foreign.data(PLAN, { input: { details: details('Ailleurs', [other.organisations.commune.globalId]) } })).planMeeting.id;
  await foreign.data(ADD_ITEM, { input: { meetingId: otherTenantId, question: 'SECRET-AUTRE-PLIE' } });
});
afterAll(() => server.close());

describe("an invited partner's agenda, read as plain rows", () => {
  it('answers the same places and the same withheld ones through aliases and fragments', async () => {
    const response = await commune.request(
      `query($id: ID!) {
        a: meeting(id: $id) { agenda { ...Point } }
        b: meeting(id: $id) { points: agenda { p: position hidden: withheld name: participantName q: question ... on AgendaItem { docs: documents { fileName } } } }
        c: meeting(id: $id) { ... on Meeting { title agenda { ... on Node { id } position withheld } } }
      }
      fragment Point on AgendaItem { position withheld participantName question kind pathwayStatus decision minutes actions { description } }`,
      { id: meetingId },
    );
    expect(response.errors).toBeUndefined();
    const { a, b, c } = response.data!;
    expect(a.agenda.map((i: any) => [i.position, i.withheld, i.participantName])).toEqual([
      [1, false, shared.name],
      [2, true, null],
      [3, false, withdrawn.name],
      [4, false, null],
    ]);
    expect(a.agenda[1]).toEqual({
      position: 2,
      withheld: true,
      participantName: null,
      question: null,
      kind: null,
      pathwayStatus: null,
      decision: null,
      minutes: null,
      actions: [],
    });
    expect(b.points.map((i: any) => [i.p, i.hidden, i.name, i.q])).toEqual(a.agenda.map((i: any) => [i.position, i.withheld, i.participantName, i.question]));
    expect(b.points[1].docs).toEqual([]);
    expect(c.agenda.map((i: any) => [i.position, i.withheld])).toEqual(a.agenda.map((i: any) => [i.position, i.withheld]));
    expect(response.raw).not.toContain(hidden.name.split(' ')[1]);
    expect(response.raw).not.toContain(secret(hidden.name));
  });

  it('answers NOT_FOUND, with nothing of the meeting, for a guessed id, another tenant’s meeting or one its organisation is not invited to', async () => {
    const guessed = [
      toGlobalId('Meeting', randomUUID()),
      toGlobalId('Meeting', 'not-a-uuid'),
      toGlobalId('AgendaItem', meetingId),
      'bm90LWEtZ2xvYmFsLWlk',
      notInvitedId,
      otherTenantId,
    ];
    for (const id of guessed) {
      const response = await commune.request(`query($id: ID!) { x: meeting(id: $id) { title agenda { position withheld question } documents { fileName } } }`, {
        id,
      });
      expect(response.data?.x ?? null).toBeNull();
      expect(response.errors?.map((e) => e.extensions?.code)).toEqual(['NOT_FOUND']);
      expect(response.raw).not.toMatch(/SECRET|Sans la commune|Ailleurs/);
    }
    // Staff of another PLIE read no meeting of this one.
    const foreign = await client(other.users.animation.email);
    const fromElsewhere = await foreign.request(`query($id: ID!) { meeting(id: $id) { title agenda { question } } }`, { id: meetingId });
    expect(fromElsewhere.errors?.map((e) => e.extensions?.code)).toEqual(['NOT_FOUND']);
    expect(fromElsewhere.raw).not.toContain('SECRET');
  });

  it('answers NOT_FOUND to the organisations of the PLIE it is not invited to', async () => {
    for (const partner of [aci, trainer]) {
      const response = await partner.request(`query($id: ID!) { meeting(id: $id) { title agenda { position question participantName } } }`, { id: meetingId });
      expect(response.data?.meeting ?? null).toBeNull();
      expect(response.errors?.map((e) => e.extensions?.code)).toEqual(['NOT_FOUND']);
      expect(response.raw).not.toContain('SECRET');
    }
  });

  it('withholds a point in its place at the next request once the consent is withdrawn, and logs no read of it', async () => {
    const READ = `query($id: ID!) { meeting(id: $id) { agenda { position withheld participantName question pathwayStatus } } }`;
    const logged = async () => (await animation.data(ACCESS_LOG, { id: withdrawn.id })).accessLog.totalCount as number;
    const before = await logged();
    expect((await commune.data(READ, { id: meetingId })).meeting.agenda[2]).toMatchObject({ position: 3, withheld: false, participantName: withdrawn.name });
    expect(await logged()).toBe(before + 1);

    await referent.data(
      `mutation($id: ID!, $version: Int!) { revokeConsent(consentId: $id, version: $version, reason: "Retrait") { status } }`,
      withdrawn.consent,
    );
    const after = await commune.request(READ, { id: meetingId });
    expect(after.data!.meeting.agenda.map((i: any) => [i.position, i.withheld])).toEqual([
      [1, false],
      [2, true],
      [3, true],
      [4, false],
    ]);
    expect(after.data!.meeting.agenda[2]).toEqual({ position: 3, withheld: true, participantName: null, question: null, pathwayStatus: null });
    expect(after.raw).not.toContain(secret(withdrawn.name));
    expect(await logged()).toBe(before + 1);
  });
});
