import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTenantFixture, FIXTURE_PASSWORD, type TenantFixture } from '../testing/fixtures';
import { GraphqlClient } from '../testing/graphql-client';
import { startTestServer, type TestServer } from '../testing/test-server';

/** The home pages' queries exactly as the portal sends them: their counts are the lists' own totals. */
const HOME = path.resolve(__dirname, '../../../portal/src/modules/home/graphql');
/** The referent's home spreads the monitoring's fragment, as the portal's generated document does. */
const MONITORING_FRAGMENT = path.resolve(__dirname, '../../../portal/src/modules/monitoring/graphql/monitoring-figures.fragment.graphql');
const query = (file: string) =>
  fs.readFileSync(path.join(HOME, file), 'utf8') + (file === 'referent-home.query.graphql' ? fs.readFileSync(MONITORING_FRAGMENT, 'utf8') : '');

/** Wednesday 13 January 2027, 9:00 in Paris: the day the referent's home shows. */
const clock = new Date('2027-01-13T08:00:00Z');

let server: TestServer;
let tenant: TenantFixture;
let other: TenantFixture;
const client = async (email: string) => {
  const c = new GraphqlClient(server.app);
  await c.login(email, FIXTURE_PASSWORD);
  return c;
};

const person = (referent: GraphqlClient, lastName: string) =>
  referent
    .data<{ createParticipant: { id: string } }>(`mutation($input: CreateParticipantInput!) { createParticipant(input: $input) { id } }`, {
      input: { details: { firstName: 'Accueil', lastName, birthDate: '1990-04-05' } },
    })
    .then((r) => r.createParticipant.id);

const appointment = (referent: GraphqlClient, participantId: string, startsAt: string, endsAt: string) =>
  referent.data(`mutation($input: ScheduleAppointmentInput!) { scheduleAppointment(input: $input) { id } }`, {
    input: { kind: 'INDIVIDUAL', startsAt, endsAt, mode: 'PHONE', participantIds: [participantId] },
  });

const grant = (referent: GraphqlClient, participantId: string, organisationId: string) =>
  referent.data(`mutation($input: GrantConsentInput!) { grantConsent(input: $input) { id } }`, {
    input: {
      participantId,
      granteeOrganisationId: organisationId,
      effect: 'GRANT',
      dataClasses: ['PATHWAY_STATUS'],
      purpose: 'COORDINATION_MEETINGS',
      method: 'SIGNED_FORM',
      collectedOn: '2026-11-20',
      noticeVersion: 'notice-2026-11',
    },
  });

const refer = (partner: GraphqlClient, lastName: string) =>
  partner.data(`mutation($input: SubmitReferralInput!) { submitReferral(input: $input) { id } }`, {
    input: {
      details: { firstName: 'Orientée', lastName, birthDate: '1993-09-10', communeCode: '38185' },
      situation: 'Sans emploi depuis un an.',
      reason: 'Accompagnement vers l’emploi.',
      agreementMethod: 'SIGNED_FORM',
      agreedOn: '2026-11-20',
    },
  });

const meeting = (animation: GraphqlClient, kind: string, title: string, organisationIds: string[]) =>
  animation.data(`mutation($input: PlanMeetingInput!) { planMeeting(input: $input) { id } }`, {
    input: { details: { kind, title, startsAt: '2027-01-20T09:00:00Z', endsAt: '2027-01-20T11:00:00Z', place: 'Salle du PLIE', organisationIds } },
  });

beforeAll(async () => {
  server = await startTestServer({}, { clock: () => clock });
  tenant = await createTenantFixture(server, 'Accueil');
  other = await createTenantFixture(server, 'Accueil ailleurs');
});
afterAll(() => server.close());

describe('the home pages count what their lists show', () => {
  it("the referent's: her caseload's files by alert and today's appointments", async () => {
    const referent = await client(tenant.users.referent.email);
    // Three new files (ESF+ data still to enter), one of them seen today and one tomorrow; one file in another PLIE.
    const [first, second] = [await person(referent, 'Alpha'), await person(referent, 'Bravo'), await person(referent, 'Charlie')];
    await appointment(referent, first!, '2027-01-13T13:00:00Z', '2027-01-13T14:00:00Z');
    await appointment(referent, second!, '2027-01-14T13:00:00Z', '2027-01-14T14:00:00Z');
    await person(await client(other.users.referent.email), 'Ailleurs');

    const home = await referent.data(query('referent-home.query.graphql'), { dayStart: '2027-01-12T23:00:00Z', dayEnd: '2027-01-13T23:00:00Z' });
    expect(home.esfIncomplete.totalCount).toBe(3);
    expect(home.noRecentAppointment.totalCount).toBe(0);
    expect(home.contractReviewDue.totalCount).toBe(0);
    expect(home.contractReportOverdue.totalCount).toBe(0);
    expect(home.followUpDue.totalCount).toBe(0);
    expect(home.agenda.map((a: any) => a.attendees.map((p: any) => p.displayName))).toEqual([['Accueil Alpha']]);
    // Her own monitoring: the three files in her active caseload, none yet 60 days without contact, one contact today.
    expect(home.referentMonitoring.referents).toEqual([
      expect.objectContaining({ activeCaseload: 3, contactOver60Days: 0, entriesLast12Months: 0, filesWithAlert: 3 }),
    ]);
    // The link opens her caseload filtered by the alert: the same people.
    const list = await referent.data(`{ participants(filter: { mine: true, alert: ESF_DATA_INCOMPLETE }) { edges { node { id } } } }`);
    expect(list.participants.edges).toHaveLength(3);
  });

  it("a partner's: the people shared with it, its referrals awaiting a decision, its meetings", async () => {
    const referent = await client(tenant.users.referent.email);
    const commune = await client(tenant.users.partner.email);
    const aci = await client(tenant.users.aci.email);
    const animation = await client(tenant.users.animation.email);
    // Two people shared with the commune, one with the ACI only, one with nobody.
    const people = [await person(referent, 'Delta'), await person(referent, 'Echo'), await person(referent, 'Foxtrot'), await person(referent, 'Golf')];
    await grant(referent, people[0]!, tenant.organisations.commune.globalId);
    await grant(referent, people[1]!, tenant.organisations.commune.globalId);
    await grant(referent, people[2]!, tenant.organisations.siae.globalId);
    // Two referrals by the commune, one by the ACI.
    await refer(commune, 'Hotel');
    await refer(commune, 'India');
    await refer(aci, 'Juliett');
    // A meeting inviting the commune, one inviting the ACI only.
    await meeting(animation, 'PARTNER_COORDINATION', 'Coordination commune', [tenant.organisations.commune.globalId]);
    await meeting(animation, 'PARTNER_COORDINATION', 'Coordination ACI', [tenant.organisations.siae.globalId]);

    const home = await commune.data(query('partner-home.query.graphql'), {
      lastMonth: '2026-12',
      contracts: false,
      training: false,
      offers: false,
      positionings: false,
    });
    expect(home).toEqual({
      shared: { totalCount: 2 },
      awaitingDecision: { totalCount: 2 },
      upcomingMeetings: { totalCount: 1 },
    });
    const list = await commune.data(`{ participants { edges { node { id } } } }`);
    expect(list.participants.edges.map((e: any) => e.node.id).sort()).toEqual([people[0], people[1]].sort());

    // The ACI counts its own: one person, its one referral, its one meeting, no contract report due, and
    // no candidacy to answer while the PLIE has not recorded it as a company, no positioning on an action.
    expect(
      await aci.data(query('partner-home.query.graphql'), { lastMonth: '2026-12', contracts: true, training: false, offers: true, positionings: true }),
    ).toEqual({
      shared: { totalCount: 1 },
      awaitingDecision: { totalCount: 1 },
      upcomingMeetings: { totalCount: 1 },
      contractsDue: { dueCount: 0 },
      candidaciesToAnswer: 0,
      positioningsToAnswerCount: 0,
    });
  });

  it("the animation team's: referrals to decide, the next commission, the PLIE's files with an alert", async () => {
    const animation = await client(tenant.users.animation.email);
    const before = await animation.data(query('animation-home.query.graphql'));
    expect(before.nextCommission.edges).toEqual([]);
    await meeting(animation, 'ACCREDITATION_COMMISSION', 'Commission de janvier', [tenant.organisations.commune.globalId]);
    const home = await animation.data(query('animation-home.query.graphql'));
    expect(home.nextCommission.edges.map((e: any) => e.node.title)).toEqual(['Commission de janvier']);
    // Three referrals made in the test above, none decided; seven files of this PLIE without their ESF+ data.
    expect(home.newReferrals.totalCount).toBe(3);
    expect(home.referralsUnderReview.totalCount).toBe(0);
    expect(home.esfIncomplete.totalCount).toBe(7);
  });
});
