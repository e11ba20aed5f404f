import { extractText, getDocumentProxy } from 'unpdf';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applyRlsSettings, beginRequestTransaction } from '../../access/request-transaction';
import { parseGlobalId, toGlobalId } from '../../graphql/relay';
import { createTenantFixture, FIXTURE_PASSWORD, type TenantFixture } from '../../testing/fixtures';
import { GraphqlClient } from '../../testing/graphql-client';
import { startTestServer, type TestServer } from '../../testing/test-server';

/** The request clock: meetings are planned from now on, and these are planned for early December 2026. */
const clock = new Date('2026-11-27T10:00:00Z');
let server: TestServer;
let tenant: TenantFixture;
let other: TenantFixture;
let animation: GraphqlClient;
let referent: GraphqlClient;
let commune: GraphqlClient;
let aci: GraphqlClient;
let trainer: GraphqlClient;
let foreign: GraphqlClient;

const ITEM = `id position withheld kind version question participantName pathwayStatus referralStatus decision decisionReason assignedReferentName minutes
  actions { description owner { name } dueOn } documents { id fileName }`;
const MEETING = `id version status title minutes invitedOrganisations { name } agenda { ${ITEM} } documents { id fileName }`;
const STAFF_MEETING = `id version status title minutes agenda { ${ITEM} sharing { organisation { name } sharing } } documents { id fileName }`;
const PLAN = `mutation($input: PlanMeetingInput!) { planMeeting(input: $input) { ${STAFF_MEETING} } }`;
const ADD_ITEM = `mutation($input: AddAgendaItemInput!) { addAgendaItem(input: $input) { ${STAFF_MEETING} } }`;
const OUTCOME = `mutation($input: RecordAgendaOutcomeInput!) { recordAgendaOutcome(input: $input) { ${STAFF_MEETING} } }`;
const HOLD = `mutation($input: MeetingVersionInput!) { holdMeeting(input: $input) { id version status } }`;
const PUBLISH = `mutation($input: MeetingVersionInput!) { publishMinutes(input: $input) { id version status } }`;
const READ = `query($id: ID!) { meeting(id: $id) { ${MEETING} } }`;
const GRANT = `mutation($input: GrantConsentInput!) { grantConsent(input: $input) { id version } }`;

let people = 0;
async function createPerson(firstName: string): Promise<{ id: string; name: string }> {
  people++;
  const lastName = `Réunion${'abcdefghij'[people % 10]}${people}`;
  const created = await referent.data(`mutation($input: CreateParticipantInput!) { createParticipant(input: $input) { id } }`, {
    input: { details: { firstName, lastName, birthDate: '1988-02-03' } },
  });
  return { id: created.createParticipant.id, name: `${firstName} ${lastName}` };
}

function grant(participantId: string, organisationId: string, purpose = 'COORDINATION_MEETINGS', effect = 'GRANT') {
  return referent.data(GRANT, {
    input: {
      participantId,
      granteeOrganisationId: organisationId,
      effect,
      dataClasses: ['PATHWAY_STATUS'],
      purpose,
      method: 'SIGNED_FORM',
      collectedOn: '2026-11-20',
      noticeVersion: 'notice-2026-11',
    },
  });
}

function meetingDetails(overrides: Record<string, unknown> = {}) {
  return {
    kind: 'PARTNER_COORDINATION',
    title: 'Coordination Échirolles',
    startsAt: '2026-12-03T09:00:00.000Z',
    endsAt: '2026-12-03T11:00:00.000Z',
    place: 'Maison des solidarités, Échirolles',
    organisationIds: [tenant.organisations.commune.globalId, tenant.organisations.siae.globalId],
    ...overrides,
  };
}

async function pdfText(client: GraphqlClient, meetingId: string, organisation?: string): Promise<{ status: number; text: string }> {
  const query = organisation ? `?organisation=${organisation}` : '';
  const response = await server.app.inject({ method: 'GET', url: `/meetings/${meetingId}/minutes.pdf${query}`, headers: { cookie: client.cookie! } });
  if (response.statusCode !== 200) return { status: response.statusCode, text: '' };
  const { text } = await extractText(await getDocumentProxy(new Uint8Array(response.rawPayload)), { mergePages: true });
  return { status: 200, text: text.replace(/\s+/g, ' ') };
}

beforeAll(async () => {
  server = await startTestServer({}, { clock: () => clock });
  tenant = await createTenantFixture(server, 'Meetings');
  other = await createTenantFixture(server, 'Elsewhere');
  const client = async (email: string) => {
    const c = new GraphqlClient(server.app);
    await c.login(email, FIXTURE_PASSWORD);
    return c;
  };
  animation = await client(tenant.users.animation.email);
  referent = await client(tenant.users.referent.email);
  commune = await client(tenant.users.partner.email);
  aci = await client(tenant.users.aci.email);
  trainer = await client(tenant.users.trainer.email);
  foreign = await client(other.users.animation.email);
});
afterAll(() => server.close());

describe('a coordination meeting, each attendee seeing its share', () => {
  let meetingId: string;
  let both: { id: string; name: string };
  let communeOnly: { id: string; name: string };
  let nobody: { id: string; name: string };
  const secret = (name: string) => `Situation de ${name} : dettes, relogement en cours`;

  beforeAll(async () => {
    both = await createPerson('Amina');
    communeOnly = await createPerson('Bruno');
    nobody = await createPerson('Chloé');
    await grant(both.id, tenant.organisations.commune.globalId);
    await grant(both.id, tenant.organisations.siae.globalId);
    await grant(communeOnly.id, tenant.organisations.commune.globalId);
    // Shared with the commune for following its referral, not for meetings: not enough.
    await grant(nobody.id, tenant.organisations.commune.globalId, 'REFERRAL_FOLLOW_UP');

    meetingId = (await animation.data(PLAN, { input: { details: meetingDetails() } })).planMeeting.id;
    for (const person of [both, communeOnly, nobody])
      await referent.data(ADD_ITEM, { input: { meetingId, participantId: person.id, question: secret(person.name) } });
    await animation.data(ADD_ITEM, { input: { meetingId, question: 'Calendrier des forums emploi 2027' } });
  });

  it('tells the referent, before the meeting, which invited organisation will not see which item, and why', async () => {
    const { meeting } = await referent.data(`query($id: ID!) { meeting(id: $id) { ${STAFF_MEETING} } }`, { id: meetingId });
    const sharing = (position: number) =>
      Object.fromEntries(
        meeting.agenda[position - 1].sharing.map((s: any) => [s.organisation.name === tenant.organisations.commune.name ? 'commune' : 'aci', s.sharing]),
      );
    expect(meeting.agenda.map((item: any) => item.participantName)).toEqual([both.name, communeOnly.name, nobody.name, null]);
    expect(sharing(1)).toEqual({ commune: 'SHARED', aci: 'SHARED' });
    expect(sharing(2)).toEqual({ commune: 'SHARED', aci: 'NO_CONSENT' });
    expect(sharing(3)).toEqual({ commune: 'NOT_FOR_MEETINGS', aci: 'NO_CONSENT' });
    expect(sharing(4)).toEqual({ commune: 'SHARED', aci: 'SHARED' });
  });

  it('shows each partner its items, the others withheld in their place with nothing about the person', async () => {
    const forCommune = (await commune.data(READ, { id: meetingId })).meeting;
    expect(forCommune.agenda.map((i: any) => [i.position, i.withheld, i.participantName])).toEqual([
      [1, false, both.name],
      [2, false, communeOnly.name],
      [3, true, null],
      [4, false, null],
    ]);
    expect(forCommune.agenda[0]).toMatchObject({ question: secret(both.name), pathwayStatus: 'PENDING_ACCREDITATION' });
    expect(JSON.stringify(forCommune)).not.toContain(nobody.name.split(' ')[1]);

    const forAci = (await aci.data(READ, { id: meetingId })).meeting;
    expect(forAci.agenda.map((i: any) => [i.withheld, i.participantName])).toEqual([
      [false, both.name],
      [true, null],
      [true, null],
      [false, null],
    ]);
    expect(JSON.stringify(forAci)).not.toContain(communeOnly.name.split(' ')[1]);
    // A partner is not told why: the indicator is the referent's.
    expect(
      (await aci.request(`query($id: ID!) { meeting(id: $id) { agenda { sharing { sharing } } } }`, { id: meetingId })).errors?.[0]?.extensions?.code,
    ).toBe('FORBIDDEN');
  });

  it('keeps the meeting from organisations not invited and from other PLIEs', async () => {
    for (const outsider of [trainer, foreign]) {
      expect((await outsider.request(READ, { id: meetingId })).errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
      if (outsider === trainer) expect((await trainer.data(`{ meetings { totalCount } }`)).meetings.totalCount).toBe(0);
    }
    expect((await pdfText(trainer, meetingId)).status).toBe(404);
  });

  it('keeps withheld items from the partner in the database too (row-level security)', async () => {
    const em = server.database.orm.em.fork();
    await beginRequestTransaction(em);
    try {
      await applyRlsSettings(em, { tenantId: tenant.tenantId, organisationId: tenant.organisations.siae.id, staff: false });
      const rows = await em.execute<Array<{ participant_id: string | null; question: string }>>('select participant_id, question from agenda_item');
      expect(rows.map((r) => r.participant_id).sort()).toEqual([parseGlobalId(both.id)!.id, null].sort());
      const places = await em.execute<Array<{ position: number }>>('select position from jalon_meeting_agenda(?)', [parseGlobalId(meetingId)!.id]);
      expect(places).toHaveLength(4);
    } finally {
      await em.rollback();
    }
  });

  it('records minutes and actions in the room; partners read them once published, for their items only', async () => {
    let { meeting } = await animation.data(`query($id: ID!) { meeting(id: $id) { ${STAFF_MEETING} } }`, { id: meetingId });
    // Nothing is decided before the meeting is opened.
    const early = await animation.request(OUTCOME, { input: { itemId: meeting.agenda[0].id, version: meeting.agenda[0].version, minutes: 'x' } });
    expect(early.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'meetingId' });

    await animation.data(HOLD, { input: { meetingId, version: meeting.version } });
    for (const [index, person] of [both, communeOnly, nobody].entries()) {
      const item = meeting.agenda[index];
      meeting = (await animation.data(OUTCOME, { input: { itemId: item.id, version: item.version, minutes: `Relevé ${person.name}` } })).recordAgendaOutcome;
    }
    meeting = (
      await animation.data(`mutation($input: AddAgendaActionInput!) { addAgendaAction(input: $input) { ${STAFF_MEETING} } }`, {
        input: {
          itemId: meeting.agenda[1].id,
          description: 'Proposer une immersion',
          ownerOrganisationId: tenant.organisations.commune.globalId,
          dueOn: '2026-12-20',
        },
      })
    ).addAgendaAction;
    // An action belongs to an invited organisation or to the PLIE's own.
    const stranger = await animation.request(`mutation($input: AddAgendaActionInput!) { addAgendaAction(input: $input) { id } }`, {
      input: { itemId: meeting.agenda[1].id, description: 'x', ownerOrganisationId: tenant.organisations.training.globalId, dueOn: '2026-12-20' },
    });
    expect(stranger.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'ownerOrganisationId' });

    // Before publication, partners see the agenda, not the outcomes.
    expect((await commune.data(READ, { id: meetingId })).meeting.agenda[0].minutes).toBeNull();

    const { meeting: current } = await animation.data(`query($id: ID!) { meeting(id: $id) { id version } }`, { id: meetingId });
    await animation.data(PUBLISH, { input: { meetingId, version: current.version } });

    const forCommune = (await commune.data(READ, { id: meetingId })).meeting;
    expect(forCommune.status).toBe('MINUTES_PUBLISHED');
    expect(forCommune.agenda.map((i: any) => i.minutes)).toEqual([`Relevé ${both.name}`, `Relevé ${communeOnly.name}`, null, null]);
    expect(forCommune.agenda[1].actions).toEqual([
      { description: 'Proposer une immersion', owner: { name: tenant.organisations.commune.name }, dueOn: '2026-12-20' },
    ]);
    const forAci = (await aci.data(READ, { id: meetingId })).meeting;
    expect(forAci.agenda.map((i: any) => i.minutes)).toEqual([`Relevé ${both.name}`, null, null, null]);
    expect(forAci.agenda[1].actions).toEqual([]);

    // Each invited partner was told of the invitation and of the minutes, by the meeting's title only.
    const notices = await aci.data(`{ notifications { edges { node { kind participantLabel } } } }`);
    expect(notices.notifications.edges.map((e: any) => e.node).filter((n: any) => n.kind !== 'CONSENT_GRANTED')).toEqual([
      { kind: 'MINUTES_PUBLISHED', participantLabel: 'Coordination Échirolles (03/12/2026)' },
      { kind: 'MEETING_INVITED', participantLabel: 'Coordination Échirolles (03/12/2026)' },
    ]);

    // Published minutes are final.
    const late = await animation.request(OUTCOME, { input: { itemId: meeting.agenda[0].id, version: meeting.agenda[0].version + 1, minutes: 'changé' } });
    expect(late.errors?.[0]?.extensions?.code).toMatch(/BAD_USER_INPUT|CONFLICT/);
  });

  it('gives each organisation a PDF with its share only; staff get the internal copy or any invited organisation’s', async () => {
    const communeCopy = await pdfText(commune, meetingId);
    expect(communeCopy.text).toContain(both.name);
    expect(communeCopy.text).toContain(`Relevé ${communeOnly.name}`);
    expect(communeCopy.text).not.toContain(nobody.name);
    expect(communeCopy.text).toContain('Point non communiqué');

    const aciCopy = await pdfText(aci, meetingId);
    expect(aciCopy.text).toContain(`Relevé ${both.name}`);
    expect(aciCopy.text).not.toContain(communeOnly.name);
    expect(aciCopy.text).not.toContain(nobody.name);
    // A partner cannot ask for another organisation's copy: it gets its own.
    expect((await pdfText(aci, meetingId, tenant.organisations.commune.globalId)).text).not.toContain(communeOnly.name);

    const internal = await pdfText(animation, meetingId);
    for (const person of [both, communeOnly, nobody]) expect(internal.text).toContain(person.name);
    expect((await pdfText(animation, meetingId, tenant.organisations.siae.globalId)).text).not.toContain(communeOnly.name);
  });

  it('logs each partner read under the purpose "coordination meetings"', async () => {
    await aci.data(READ, { id: meetingId });
    const log = await referent.data(`query($id: ID!) { accessLog(participantId: $id) { edges { node { organisationName purposes dataClasses } } } }`, {
      id: both.id,
    });
    expect(log.accessLog.edges.map((e: any) => e.node)).toContainEqual({
      organisationName: tenant.organisations.siae.name,
      purposes: ['COORDINATION_MEETINGS'],
      dataClasses: ['PATHWAY_STATUS'],
    });
  });

  it('stops showing an item at the next request once the person withdraws, or refuses the kind of partner', async () => {
    const consents = await referent.data(`query($id: ID!) { consents(participantId: $id) { id version inForce granteeOrganisation { name } } }`, {
      id: both.id,
    });
    const aciConsent = consents.consents.find((c: any) => c.inForce && c.granteeOrganisation?.name === tenant.organisations.siae.name);
    await referent.data(`mutation($id: ID!, $version: Int!) { revokeConsent(consentId: $id, version: $version, reason: "Retrait") { status } }`, {
      id: aciConsent.id,
      version: aciConsent.version,
    });
    expect((await aci.data(READ, { id: meetingId })).meeting.agenda[0]).toMatchObject({ withheld: true, participantName: null, minutes: null });

    // A refusal of every commune wins over the commune's grant.
    await referent.data(GRANT, {
      input: {
        participantId: communeOnly.id,
        granteeKind: 'COMMUNE',
        effect: 'REFUSAL',
        dataClasses: ['PATHWAY_STATUS'],
        purpose: 'REFERRAL_FOLLOW_UP',
        method: 'SIGNED_FORM',
        collectedOn: '2026-11-20',
        noticeVersion: 'notice-2026-11',
      },
    });
    expect((await commune.data(READ, { id: meetingId })).meeting.agenda[1]).toMatchObject({ withheld: true, participantName: null });
  });
});

describe('documents of a meeting', () => {
  it('are shown with their item: a partner downloads the general ones and those of its items, not the others', async () => {
    const shared = await createPerson('Djamel');
    const hidden = await createPerson('Emma');
    await grant(shared.id, tenant.organisations.commune.globalId);
    const meetingId = (await animation.data(PLAN, { input: { details: meetingDetails({ title: 'Coordination documents' }) } })).planMeeting.id;
    await referent.data(ADD_ITEM, { input: { meetingId, participantId: shared.id, question: 'Point sur la formation' } });
    const { addAgendaItem } = await referent.data(ADD_ITEM, { input: { meetingId, participantId: hidden.id, question: 'Point santé' } });
    const [sharedItem, hiddenItem] = addAgendaItem.agenda;

    const upload = async (query: string, name: string) => {
      const boundary = 'jalonboundary';
      const payload = Buffer.concat([
        Buffer.from(`--${boundary}\r\ncontent-disposition: form-data; name="file"; filename="${name}"\r\ncontent-type: application/pdf\r\n\r\n`),
        Buffer.from('%PDF-1.7\n1 0 obj << >> endobj\n%%EOF\n'),
        Buffer.from(`\r\n--${boundary}--\r\n`),
      ]);
      const response = await server.app.inject({
        method: 'POST',
        url: `/meetings/${meetingId}/documents${query}`,
        headers: { cookie: referent.cookie!, 'content-type': `multipart/form-data; boundary=${boundary}` },
        payload,
      });
      expect(response.statusCode).toBe(201);
      return response.json().id as string;
    };
    await upload(`?item=${sharedItem.id}`, 'bilan-formation.pdf');
    const hiddenDocument = await upload(`?item=${hiddenItem.id}`, 'certificat.pdf');

    const forCommune = (await commune.data(READ, { id: meetingId })).meeting;
    expect(forCommune.agenda.map((i: any) => i.documents.map((d: any) => d.fileName))).toEqual([['bilan-formation.pdf'], []]);
    const download = (client: GraphqlClient, id: string) =>
      server.app.inject({ method: 'GET', url: `/meeting-documents/${id}`, headers: { cookie: client.cookie! } }).then((r) => r.statusCode);
    expect(await download(commune, forCommune.agenda[0].documents[0].id)).toBe(200);
    expect(await download(commune, hiddenDocument)).toBe(404);
    expect(await download(referent, hiddenDocument)).toBe(200);
    // Partners do not upload to the PLIE's meetings.
    const asPartner = await server.app.inject({ method: 'POST', url: `/meetings/${meetingId}/documents`, headers: { cookie: commune.cookie! } });
    expect(asPartner.statusCode).toBe(403);

    // Reordering is versioned like any edit: a move made on a stale agenda is refused, not applied over the other.
    const MOVE = `mutation($input: MoveAgendaItemInput!) { moveAgendaItem(input: $input) { agenda { participantName } } }`;
    const moved = await animation.data(MOVE, { input: { itemId: hiddenItem.id, version: hiddenItem.version, direction: 'UP' } });
    expect(moved.moveAgendaItem.agenda.map((i: any) => i.participantName)).toEqual([hidden.name, shared.name]);
    const stale = await animation.request(MOVE, { input: { itemId: sharedItem.id, version: sharedItem.version, direction: 'UP' } });
    expect(stale.errors?.[0]?.extensions?.code).toBe('CONFLICT');
  });
});

describe('the accreditation commission', () => {
  const SUBMIT = `mutation($input: SubmitReferralInput!) { submitReferral(input: $input) { id version status } }`;
  async function refer(lastName: string) {
    return (
      await commune.data(SUBMIT, {
        input: {
          details: { firstName: 'Farid', lastName, birthDate: '1991-07-08', communeCode: '38151' },
          situation: 'Au RSA depuis deux ans.',
          reason: 'Accompagnement renforcé vers l’emploi.',
          agreementMethod: 'SIGNED_FORM',
          agreedOn: '2026-11-20',
        },
      })
    ).submitReferral;
  }

  it('accepts two referrals and refuses one: referrals, files, referents and the commune’s view follow, each decision whole or not at all', async () => {
    const referrals = [await refer('Commissiona'), await refer('Commissionb'), await refer('Commissionc')];
    let meeting = (
      await animation.data(PLAN, { input: { details: meetingDetails({ kind: 'ACCREDITATION_COMMISSION', title: 'Commission d’agrément de décembre' }) } })
    ).planMeeting;
    for (const referral of referrals)
      meeting = (await animation.data(ADD_ITEM, { input: { meetingId: meeting.id, referralId: referral.id, question: 'Entrée dans le PLIE ?' } }))
        .addAgendaItem;
    expect(meeting.agenda.map((i: any) => [i.kind, i.referralStatus])).toEqual(Array(3).fill(['REFERRAL', 'UNDER_REVIEW']));
    // A referral is decided at a commission only, and is on its agenda once.
    const twice = await animation.request(ADD_ITEM, { input: { meetingId: meeting.id, referralId: referrals[0].id, question: 'Encore ?' } });
    expect(twice.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'referralId' });

    // The referring commune, invited, sees the items about its referrals; the ACI does not.
    expect((await commune.data(READ, { id: meeting.id })).meeting.agenda.map((i: any) => i.withheld)).toEqual([false, false, false]);
    expect((await aci.data(READ, { id: meeting.id })).meeting.agenda.map((i: any) => i.withheld)).toEqual([true, true, true]);

    meeting = { ...meeting, ...(await animation.data(HOLD, { input: { meetingId: meeting.id, version: meeting.version } })).holdMeeting };
    const nadia = toGlobalId('Membership', tenant.users.referent.membershipId);
    const [first, second, third] = meeting.agenda;

    // A refusal needs a reason: refused whole, nothing changed.
    const noReason = await animation.request(OUTCOME, { input: { itemId: third.id, version: third.version, decision: 'REFUSE' } });
    expect(noReason.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'reason' });

    // A failure after the file is opened (here, telling the commune) undoes the whole decision.
    await server.asOwner((em) =>
      em.execute(`create function jalon_test_fail() returns trigger language plpgsql as $$ begin raise exception 'notification refused'; end $$;
        create trigger jalon_test_fail before insert on notification for each row execute function jalon_test_fail();`),
    );
    try {
      const failed = await animation.request(OUTCOME, {
        input: { itemId: first.id, version: first.version, decision: 'ACCEPT', referentId: nadia, minutes: 'Accord' },
      });
      expect(failed.errors?.[0]?.extensions?.code).toBe('INTERNAL_SERVER_ERROR');
    } finally {
      await server.asOwner((em) => em.execute(`drop trigger jalon_test_fail on notification; drop function jalon_test_fail();`));
    }
    const untouched = (await animation.data(`query($id: ID!) { meeting(id: $id) { agenda { decision minutes referralStatus } } }`, { id: meeting.id })).meeting;
    expect(untouched.agenda[0]).toEqual({ decision: null, minutes: null, referralStatus: 'UNDER_REVIEW' });
    expect((await animation.data(`{ participants(filter: { search: "Commissiona" }) { totalCount } }`)).participants.totalCount).toBe(0);

    meeting = (await animation.data(OUTCOME, { input: { itemId: first.id, version: first.version, decision: 'ACCEPT', referentId: nadia, minutes: 'Accord' } }))
      .recordAgendaOutcome;
    meeting = (await animation.data(OUTCOME, { input: { itemId: second.id, version: second.version, decision: 'ACCEPT', referentId: nadia } }))
      .recordAgendaOutcome;
    meeting = (
      await animation.data(OUTCOME, { input: { itemId: third.id, version: third.version, decision: 'REFUSE', reason: 'Relève de la Mission locale' } })
    ).recordAgendaOutcome;
    expect(meeting.agenda.map((i: any) => [i.decision, i.referralStatus, i.assignedReferentName])).toEqual([
      ['ACCEPT', 'ACCEPTED', expect.any(String)],
      ['ACCEPT', 'ACCEPTED', expect.any(String)],
      ['REFUSE', 'REFUSED', null],
    ]);
    // A decision is taken once.
    const again = await animation.request(OUTCOME, { input: { itemId: third.id, version: meeting.agenda[2].version, decision: 'ACCEPT', referentId: nadia } });
    expect(again.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'decision' });

    const files = await referent.data(`{ participants(filter: { search: "Commission" }) { edges { node { lastName currentPathway { status } } } } }`);
    expect(files.participants.edges.map((e: any) => [e.node.lastName, e.node.currentPathway.status]).sort()).toEqual([
      ['Commissiona', 'ACTIVE'],
      ['Commissionb', 'ACTIVE'],
    ]);
    const followed = await commune.data(`{ referrals(filter: { search: "Commission" }) { edges { node { lastName progress decisionReason } } } }`);
    expect(followed.referrals.edges.map((e: any) => [e.node.lastName, e.node.progress, e.node.decisionReason]).sort()).toEqual([
      ['Commissiona', 'IN_PATHWAY', null],
      ['Commissionb', 'IN_PATHWAY', null],
      ['Commissionc', 'REFUSED', 'Relève de la Mission locale'],
    ]);
  });

  it('refuses bad meeting details on their field and plans nothing', async () => {
    const before = (await animation.data(`{ meetings { totalCount } }`)).meetings.totalCount;
    const cases: Array<[Record<string, unknown>, string]> = [
      [{ title: ' ' }, 'title'],
      [{ endsAt: '2026-12-03T08:00:00.000Z' }, 'endsAt'],
      [{ place: null }, 'place'],
      [{ place: null, videoLink: 'http://visio.example' }, 'videoLink'],
      [{ organisationIds: [other.organisations.commune.globalId] }, 'organisationIds'],
    ];
    for (const [overrides, field] of cases) {
      const refused = await animation.request(PLAN, { input: { details: meetingDetails(overrides) } });
      expect(refused.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
    }
    // Three bad fields at once: all three are named, the first one as `field`.
    const threeBad = await animation.request(PLAN, { input: { details: meetingDetails({ title: ' ', endsAt: '2026-12-03T08:00:00.000Z', place: null }) } });
    expect(threeBad.errors?.[0]?.extensions).toEqual({
      code: 'BAD_USER_INPUT',
      field: 'title',
      fields: [
        { field: 'title', message: 'Ce champ est obligatoire.' },
        { field: 'endsAt', message: 'La fin ne peut pas précéder le début.' },
        { field: 'place', message: expect.any(String) },
      ],
    });
    // A commission on 1 January 2020 is past: it is not planned. Nor is one in 2999.
    const past = await animation.request(PLAN, {
      input: { details: meetingDetails({ kind: 'ACCREDITATION_COMMISSION', startsAt: '2020-01-01T09:00:00.000Z', endsAt: '2020-01-01T11:00:00.000Z' }) },
    });
    expect(past.errors?.[0]).toMatchObject({
      message: expect.stringMatching(/cette date est passée/),
      extensions: { code: 'BAD_USER_INPUT', field: 'startsAt' },
    });
    const farAhead = await animation.request(PLAN, {
      input: { details: meetingDetails({ startsAt: '2999-12-31T09:00:00.000Z', endsAt: '2999-12-31T11:00:00.000Z' }) },
    });
    expect(farAhead.errors?.[0]).toMatchObject({ message: 'Cette date doit être au plus tard le 31/12/2028.', extensions: { field: 'startsAt' } });
    expect((await animation.data(`{ meetings { totalCount } }`)).meetings.totalCount).toBe(before);
    // Partners do not plan the PLIE's meetings; a stale version is a conflict.
    expect((await commune.request(PLAN, { input: { details: meetingDetails() } })).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const planned = (await animation.data(PLAN, { input: { details: meetingDetails({ title: 'Version' }) } })).planMeeting;
    const update = `mutation($input: UpdateMeetingInput!) { updateMeeting(input: $input) { version title } }`;
    await animation.data(update, { input: { meetingId: planned.id, version: planned.version, details: meetingDetails({ title: 'Version 2' }) } });
    const stale = await animation.request(update, {
      input: { meetingId: planned.id, version: planned.version, details: meetingDetails({ title: 'Version 3' }) },
    });
    expect(stale.errors?.[0]?.extensions?.code).toBe('CONFLICT');
  });
});
