import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, MembershipRole, OrganisationKind } from '@jalon/domain';
import { todayInFrance } from '../../graphql/date-input';
import { toGlobalId } from '../../graphql/relay';
import { hashPassword } from '../auth/password-hash';
import { Organisation } from '../organisations/organisation.entity';
import { Membership } from '../tenancy/membership.entity';
import { Tenant } from '../tenancy/tenant.entity';
import { User } from '../users/user.entity';
import { UserCredential } from '../auth/user-credential.entity';
import { createTenantFixture, FIXTURE_PASSWORD, type TenantFixture } from '../../testing/fixtures';
import { GraphqlClient } from '../../testing/graphql-client';
import { startTestServer, type TestServer } from '../../testing/test-server';

let server: TestServer;
let tenant: TenantFixture;
let other: TenantFixture;
let nadia: GraphqlClient;
let bruno: GraphqlClient;
let animation: GraphqlClient;
let brunoId: string;
const today = todayInFrance(new Date());

const FIGURES = `id referentName active organisationName referents activeCaseload entriesLast12Months renewalRate
  contactUnder30Days contact31To60Days contactOver60Days contactsLast12Months faceToFaceShare filesWithAlert`;
const MONITORING = `query($referentId: ID) { referentMonitoring(referentId: $referentId) {
  caseloadTarget renewalRateTarget referents { ${FIGURES} } operators { ${FIGURES} } plie { ${FIGURES} } } }`;

/**
 * A person referred `referred` days ago (pending accreditation), then entered `entered` days ago or
 * closed, into `as`'s caseload or `referentId`'s.
 */
async function person(as: GraphqlClient, lastName: string, referred: number, entered: number | 'CLOSED' | null, referentId?: string): Promise<string> {
  const { createParticipant } = await as.data(
    `mutation($input: CreateParticipantInput!) { createParticipant(input: $input) { id currentPathway { id version } } }`,
    { input: { details: { firstName: 'Suivi', lastName, birthDate: '1980-05-05' }, referralDate: addDays(today, -referred), referentId } },
  );
  let pathway = createParticipant.currentPathway;
  const move = async (status: string, date: string) => {
    pathway = (
      await as.data(`mutation($input: ChangePathwayStatusInput!) { changePathwayStatus(input: $input) { currentPathway { id version } } }`, {
        input: { pathwayId: pathway.id, version: pathway.version, status, date },
      })
    ).changePathwayStatus.currentPathway;
  };
  if (entered === 'CLOSED') await move('CLOSED', today);
  else if (entered !== null) await move('ACTIVE', addDays(today, -entered));
  return createParticipant.id;
}

/** An appointment `daysAgo` in Nadia's agenda, with each person's attendance recorded. */
async function appointment(daysAgo: number, mode: string, attendances: Record<string, string>) {
  const ids = Object.keys(attendances);
  const day = addDays(today, -daysAgo);
  const { scheduleAppointment } = await nadia.data(`mutation($input: ScheduleAppointmentInput!) { scheduleAppointment(input: $input) { id } }`, {
    input: {
      kind: ids.length > 1 ? 'COLLECTIVE' : 'INDIVIDUAL',
      title: ids.length > 1 ? 'Atelier CV' : null,
      startsAt: `${day}T10:00:00+01:00`,
      endsAt: `${day}T11:00:00+01:00`,
      mode,
      place: mode === 'IN_PERSON' ? 'OFFICE' : null,
      participantIds: ids,
    },
  });
  for (const [participantId, attendance] of Object.entries(attendances)) {
    await nadia.data(`mutation($input: RecordAttendanceInput!) { recordAttendance(input: $input) { id } }`, {
      input: { appointmentId: scheduleAppointment.id, participantId, attendance },
    });
  }
}

beforeAll(async () => {
  server = await startTestServer();
  tenant = await createTenantFixture(server, 'Suivi');
  other = await createTenantFixture(server, 'Autre');
  // A second referent, in a second operator, to compare.
  const passwordHash = await hashPassword(FIXTURE_PASSWORD);
  const brunoEmail = `bruno-${tenant.tenantId.slice(0, 8)}@test.jalon`;
  brunoId = await server.asOwner(async (em) => {
    const plie = em.getReference(Tenant, tenant.tenantId);
    const organisation = em.create(Organisation, { tenant: plie, name: `Maison de l'emploi ${tenant.name}`, kind: OrganisationKind.REFERENT_OPERATOR });
    const user = em.create(User, { email: brunoEmail, displayName: 'Bruno Suivi' });
    em.create(UserCredential, { user, passwordHash });
    const membership = em.create(Membership, { tenant: plie, user, organisation, role: MembershipRole.REFERENT });
    await em.flush();
    return membership.id;
  });
  nadia = new GraphqlClient(server.app);
  await nadia.login(tenant.users.referent.email, FIXTURE_PASSWORD);
  bruno = new GraphqlClient(server.app);
  await bruno.login(brunoEmail, FIXTURE_PASSWORD);
  animation = new GraphqlClient(server.app);
  await animation.login(tenant.users.animation.email, FIXTURE_PASSWORD);

  // Nadia's caseload, counted by hand below.
  const recent = await person(nadia, 'Recent', 90, 80); // entered within 12 months, met 3 days ago
  const month = await person(nadia, 'Mois', 200, 190); // entered within 12 months, last met 45 days ago
  const unseen = await person(nadia, 'Oublie', 500, 450); // entered over 12 months ago, never met (absent once)
  await person(nadia, 'Attente', 10, null); // referred 10 days ago, pending accreditation
  await person(nadia, 'Close', 5, 'CLOSED'); // closed before entering: not in the active caseload
  await appointment(3, 'PHONE', { [recent]: 'PRESENT' });
  await appointment(20, 'IN_PERSON', { [recent]: 'PRESENT', [unseen]: 'ABSENT' });
  await appointment(45, 'IN_PERSON', { [month]: 'PRESENT' });
  // Bruno's: one person entered a month ago, never met since the referral 100 days ago.
  await person(animation, 'Bruno', 100, 30, toGlobalId('Membership', brunoId));
}, 120_000);
afterAll(() => server.close());

const nadiaFigures = () => ({
  referentName: expect.stringContaining('referent'),
  referents: 1,
  activeCaseload: 4, // Recent, Mois, Oublie, Attente (Close is closed)
  entriesLast12Months: 2, // Recent, Mois (Oublie entered 450 days ago)
  renewalRate: 0.5,
  contactUnder30Days: 1, // Recent
  contact31To60Days: 2, // Mois (45 days), Attente (referred 10 days ago, not yet met)
  contactOver60Days: 1, // Oublie (absent is no contact)
  contactsLast12Months: 3, // Recent twice (phone, session), Mois once
  faceToFaceShare: 2 / 3,
  filesWithAlert: 4, // every followed file: ESF+ entry items unanswered
});
const brunoFigures = {
  referentName: 'Bruno Suivi',
  referents: 1,
  activeCaseload: 1,
  entriesLast12Months: 1,
  renewalRate: 1,
  contactUnder30Days: 0,
  contact31To60Days: 0,
  contactOver60Days: 1,
  contactsLast12Months: 0,
  faceToFaceShare: null,
  filesWithAlert: 1,
};

describe('referent monitoring', () => {
  it('counts each referent, each operator and the PLIE as counted by hand', async () => {
    const { referentMonitoring } = await animation.data(MONITORING);
    expect(referentMonitoring.caseloadTarget).toBe(70);
    expect(referentMonitoring.renewalRateTarget).toBe(0.3);
    const byName = (name: string) => referentMonitoring.referents.find((r: any) => r.referentName === name);
    expect(referentMonitoring.referents).toHaveLength(2);
    expect(byName('Bruno Suivi')).toMatchObject({ ...brunoFigures, id: toGlobalId('Membership', brunoId) });
    const nadiaRow = referentMonitoring.referents.find((r: any) => r.referentName !== 'Bruno Suivi');
    expect(nadiaRow).toMatchObject({ ...nadiaFigures(), id: toGlobalId('Membership', tenant.users.referent.membershipId) });
    expect(referentMonitoring.operators.map((o: any) => [o.organisationName, o.activeCaseload, o.contactOver60Days])).toEqual(
      expect.arrayContaining([
        [tenant.organisations.operator.name, 4, 1],
        [expect.stringContaining("Maison de l'emploi"), 1, 1],
      ]),
    );
    expect(referentMonitoring.plie).toMatchObject({
      id: null,
      referents: 2,
      activeCaseload: 5,
      entriesLast12Months: 3,
      renewalRate: 0.6,
      contactOver60Days: 2,
      contactsLast12Months: 3,
      faceToFaceShare: 2 / 3,
    });
  });

  it('lists in the caseload exactly the people counted over 60 days without contact', async () => {
    const { participants } = await animation.data(
      `query($referentId: ID!) { participants(filter: { referentId: $referentId, alert: NO_RECENT_APPOINTMENT }) { totalCount edges { node { lastName } } } }`,
      { referentId: toGlobalId('Membership', tenant.users.referent.membershipId) },
    );
    expect(participants).toEqual({ totalCount: 1, edges: [{ node: { lastName: 'Oublie' } }] });
  });

  it("gives a referent her own figures only, never a colleague's", async () => {
    const own = (await nadia.data(MONITORING)).referentMonitoring;
    expect(own.referents).toEqual([expect.objectContaining(nadiaFigures())]);
    expect(own.operators).toEqual([]);
    expect(own.plie).toBeNull();
    const refused = await nadia.request(MONITORING, { referentId: toGlobalId('Membership', brunoId) });
    expect(refused.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(refused.errors?.[0]?.message).toContain('votre propre file active');
    expect((await bruno.data(MONITORING)).referentMonitoring.referents).toEqual([expect.objectContaining(brunoFigures)]);
  });

  it('refuses partners, and shows nothing of another PLIE', async () => {
    for (const key of ['partner', 'aci', 'trainer'] as const) {
      const client = new GraphqlClient(server.app);
      await client.login(tenant.users[key].email, FIXTURE_PASSWORD);
      expect((await client.request(MONITORING)).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    }
    const elsewhere = new GraphqlClient(server.app);
    await elsewhere.login(other.users.animation.email, FIXTURE_PASSWORD);
    const { referentMonitoring } = await elsewhere.data(MONITORING, { referentId: toGlobalId('Membership', tenant.users.referent.membershipId) });
    expect(referentMonitoring.referents).toEqual([]);
    expect((await elsewhere.data(MONITORING)).referentMonitoring.plie).toMatchObject({ activeCaseload: 0, referents: 1 });
  });

  it('lets the tenant admin set the caseload target, within bounds, and no one else', async () => {
    const SET = `mutation($target: Int!) { setCaseloadTarget(target: $target) }`;
    expect((await animation.request(SET, { target: 60 })).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const admin = new GraphqlClient(server.app);
    await admin.login(tenant.users.admin.email, FIXTURE_PASSWORD);
    const refused = await admin.request(SET, { target: 0 });
    expect(refused.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'target' });
    expect(refused.errors?.[0]?.message).toBe("L'objectif de file active est un nombre entier de personnes, de 1 à 200.");
    expect((await admin.data(SET, { target: 65 })).setCaseloadTarget).toBe(65);
    expect((await nadia.data(MONITORING)).referentMonitoring.caseloadTarget).toBe(65);
    const elsewhere = new GraphqlClient(server.app);
    await elsewhere.login(other.users.referent.email, FIXTURE_PASSWORD);
    expect((await elsewhere.data(MONITORING)).referentMonitoring.caseloadTarget).toBe(70);
  });

  it('keeps a referent deactivated since while people are still hers, marked, and no longer counts her among the referents', async () => {
    await server.asOwner((em) => em.execute(`update membership set active = false where id = ?`, [brunoId]));
    const { referentMonitoring } = await animation.data(MONITORING);
    const bruno = referentMonitoring.referents.find((r: any) => r.id === toGlobalId('Membership', brunoId));
    expect(bruno).toMatchObject({ ...brunoFigures, active: false, referents: 0 });
    expect(referentMonitoring.referents.filter((r: any) => r.active)).toHaveLength(1);
    // Her person still counts in her operator's and the PLIE's caseload; the referents are the active ones.
    const brunoOperator = referentMonitoring.operators.find((o: any) => o.organisationName === bruno.organisationName);
    expect(brunoOperator).toMatchObject({ active: true, referents: 0, activeCaseload: 1 });
    expect(referentMonitoring.plie).toMatchObject({ active: true, referents: 1, activeCaseload: 5 });
  });
});
