import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTenantFixture, type TenantFixture, loggedIn } from '@jalon/api/src/testing/fixtures';
import type { GraphqlClient } from '@jalon/api/src/testing/graphql-client';
import { todayInFrance } from '@jalon/api/src/graphql/date-input';
import { toGlobalId } from '@jalon/api/src/graphql/relay';
import { startTestServer, type TestServer } from '@jalon/api/src/testing/test-server';

/** The request clock: the sessions below run from January to March 2027, ahead of it. */
const NOW = new Date('2026-12-07T09:00:00Z');

/**
 * A positioning is about a person: the operator of the action sees it (her name and the reason
 * written for it, never her file) only under a consent in force that shares that kind of stage with
 * it, however it asks (aliases, fragments, guessed ids), and nothing once it is withdrawn or refused
 * to its kind. Another operator, another PLIE, see nothing of it; the occupancy gives counts only.
 */
let server: TestServer;
let tenant: TenantFixture;
let other: TenantFixture;
let referent: GraphqlClient;
let trainer: GraphqlClient;
let actionId: string;
let shared: { participantId: string; positioning: { id: string; version: number } };
let unshared: { participantId: string; positioning: { id: string; version: number } };

const codeOf = (response: { errors?: Array<{ extensions?: Record<string, unknown> }> }) => response.errors?.[0]?.extensions?.code;
const OPERATOR_VIEW = `query($id: ID!) {
  a: programmeAction(id: $id) { sessions { positionings { id reason participant { firstName phone } } } }
  b: programmeAction(id: $id) { ...Seen }
}
fragment Seen on ProgrammeAction { sessions { occupancy { proposed } positionings { ...Person } } }
fragment Person on Positioning { id participant { lastName } }`;
const TO_ANSWER = `{ positioningsToAnswer { id } positioningsToAnswerCount }`;
const ANSWER = `mutation($input: AnswerPositioningInput!) { answerPositioning(input: $input) { status } }`;

async function positioned(firstName: string, sessionId: string, consent: boolean) {
  const { createParticipant } = await referent.data(
    `mutation($details: ParticipantDetailsInput!) { createParticipant(input: { details: $details, confirmNotDuplicate: true }) { id currentPathway { id version } } }`,
    { details: { firstName, lastName: 'Positionnée', birthDate: '1990-02-02', phone: '0611223344', communeCode: '38151' } },
  );
  const pathwayId = createParticipant.currentPathway.id;
  await referent.data(`mutation($input: ChangePathwayStatusInput!) { changePathwayStatus(input: $input) { id } }`, {
    input: { pathwayId, version: createParticipant.currentPathway.version, status: 'ACTIVE', date: todayInFrance(NOW) },
  });
  const { proposePositioning } = await referent.data(`mutation($input: ProposePositioningInput!) { proposePositioning(input: $input) { id version } }`, {
    input: { sessionId, pathwayId, reason: `Pour ${firstName}`, consent: consent ? { method: 'SIGNED_FORM', collectedOn: todayInFrance(NOW) } : null },
  });
  return { participantId: createParticipant.id as string, positioning: proposePositioning };
}

beforeAll(async () => {
  server = await startTestServer({}, { clock: () => NOW });
  tenant = await createTenantFixture(server, 'Programme sécurité');
  other = await createTenantFixture(server, 'Programme ailleurs');
  referent = await loggedIn(server, tenant.users.referent.email);
  trainer = await loggedIn(server, tenant.users.trainer.email);
  const animation = await loggedIn(server, tenant.users.animation.email);
  const kinds = Object.fromEntries((await referent.data(`{ stageKinds { id code } }`)).stageKinds.map((k: { id: string; code: string }) => [k.code, k.id]));
  const { createProgrammeAction } = await animation.data(`mutation($input: CreateProgrammeActionInput!) { createProgrammeAction(input: $input) { id } }`, {
    input: { title: 'FLE', operatorId: tenant.organisations.training.globalId, kindId: kinds.TRAINING_LANGUAGE, funding: 'PLIE', targetPublic: 'Allophones' },
  });
  actionId = createProgrammeAction.id;
  const { addProgrammeSession } = await animation.data(`mutation($input: AddProgrammeSessionInput!) { addProgrammeSession(input: $input) { id } }`, {
    input: { actionId, startsOn: '2027-01-11', endsOn: '2027-03-26', communeCode: '38151', places: 8 },
  });
  shared = await positioned('Sabrina', addProgrammeSession.id, true);
  unshared = await positioned('Ulla', addProgrammeSession.id, false);
});
afterAll(() => server.close());

describe('a positioning and its operator', () => {
  it('shows the operator the shared positioning only, by alias and fragment, with the name but not the phone; counts both', async () => {
    const { a, b } = await trainer.data(OPERATOR_VIEW, { id: actionId });
    expect(a.sessions[0].positionings).toEqual([{ id: shared.positioning.id, reason: 'Pour Sabrina', participant: { firstName: 'Sabrina', phone: null } }]);
    expect(b.sessions[0]).toEqual({ occupancy: { proposed: 2 }, positionings: [{ id: shared.positioning.id, participant: { lastName: 'Positionnée' } }] });
    expect(await trainer.data(TO_ANSWER)).toEqual({ positioningsToAnswer: [{ id: shared.positioning.id }], positioningsToAnswerCount: 1 });
  });

  it('refuses the operator a positioning it was not shared, by its guessed id', async () => {
    const answer = await trainer.request(ANSWER, { input: { id: unshared.positioning.id, version: unshared.positioning.version, answer: 'ACCEPTED' } });
    expect(codeOf(answer)).toBe('NOT_FOUND');
    const guessed = toGlobalId('Positioning', '00000000-0000-4000-8000-000000000000');
    expect(codeOf(await trainer.request(ANSWER, { input: { id: guessed, version: 1, answer: 'ACCEPTED' } }))).toBe('NOT_FOUND');
    expect(codeOf(await trainer.request(`query($id: ID!) { pathwayPositionings(pathwayId: $id) { id } }`, { id: guessed }))).toBe('FORBIDDEN');
  });

  it('logs the operator’s read of the positioning in the access log', async () => {
    await trainer.data(OPERATOR_VIEW, { id: actionId });
    const animation = await loggedIn(server, tenant.users.animation.email);
    const { accessLog } = await animation.data(`query($id: ID!) { accessLog(participantId: $id) { edges { node { dataClasses } } } }`, {
      id: shared.participantId,
    });
    expect(accessLog.edges.some((e: { node: { dataClasses: string[] } }) => e.node.dataClasses.includes('STAGE_DETAILS'))).toBe(true);
  });

  it('keeps the positioning from another operator, and from a commune', async () => {
    // The ACI runs actions of its own: this one is not, so it does not exist for it. A commune answers no positioning at all.
    for (const [email, code] of [
      [tenant.users.aci.email, 'NOT_FOUND'],
      [tenant.users.partner.email, 'FORBIDDEN'],
    ]) {
      const partner = await loggedIn(server, email!);
      const view = await partner.request(`query($id: ID!) { programmeAction(id: $id) { sessions { positionings { id } } } }`, { id: actionId });
      expect(codeOf(view)).toBe(code);
      const answer = await partner.request(ANSWER, { input: { id: shared.positioning.id, version: shared.positioning.version, answer: 'ACCEPTED' } });
      expect(codeOf(answer)).toBe(code);
    }
  });

  it('hides the positioning from the operator whose kind the person refused, whatever it was granted', async () => {
    await referent.data(`mutation($input: GrantConsentInput!) { grantConsent(input: $input) { id } }`, {
      input: {
        participantId: shared.participantId,
        granteeKind: 'TRAINING_OPERATOR',
        effect: 'REFUSAL',
        dataClasses: ['STAGE_DETAILS'],
        purpose: 'TRAINING_FOLLOW_UP',
        method: 'SIGNED_FORM',
        collectedOn: todayInFrance(NOW),
        noticeVersion: 'notice-2026-11',
      },
    });
    expect((await trainer.data(TO_ANSWER)).positioningsToAnswerCount).toBe(0);
    const { consents } = await referent.data(`query($id: ID!) { consents(participantId: $id) { id version effect status } }`, { id: shared.participantId });
    const refusal = consents.find((c: { effect: string; status: string }) => c.effect === 'REFUSAL' && c.status === 'ACTIVE');
    await referent.data(`mutation($id: ID!, $version: Int!) { revokeConsent(consentId: $id, version: $version, reason: "Erreur de saisie") { id } }`, {
      id: refusal.id,
      version: refusal.version,
    });
    expect((await trainer.data(TO_ANSWER)).positioningsToAnswerCount).toBe(1);
  });

  it('hides the positioning at the next request once the consent is withdrawn, and refuses the answer then', async () => {
    const { consents } = await referent.data(`query($id: ID!) { consents(participantId: $id) { id version effect status } }`, { id: shared.participantId });
    const grant = consents.find((c: { effect: string; status: string }) => c.effect === 'GRANT' && c.status === 'ACTIVE');
    await referent.data(`mutation($id: ID!, $version: Int!) { revokeConsent(consentId: $id, version: $version, reason: "Demande de la personne") { id } }`, {
      id: grant.id,
      version: grant.version,
    });
    const { a } = await trainer.data(OPERATOR_VIEW, { id: actionId });
    expect(a.sessions[0].positionings).toEqual([]);
    const answer = await trainer.request(ANSWER, { input: { id: shared.positioning.id, version: shared.positioning.version, answer: 'ACCEPTED' } });
    expect(codeOf(answer)).toBe('NOT_FOUND');
  });

  it('gives another PLIE nothing: not the action, not a positioning, not a session to propose on', async () => {
    const strangerTrainer = await loggedIn(server, other.users.trainer.email);
    expect(codeOf(await strangerTrainer.request(`query($id: ID!) { programmeAction(id: $id) { id } }`, { id: actionId }))).toBe('NOT_FOUND');
    expect((await strangerTrainer.data(TO_ANSWER)).positioningsToAnswerCount).toBe(0);
    const stranger = await loggedIn(server, other.users.referent.email);
    expect(codeOf(await stranger.request(`query($id: ID!) { programmeAction(id: $id) { id } }`, { id: actionId }))).toBe('NOT_FOUND');
    const { createParticipant } = await stranger.data(
      `mutation($details: ParticipantDetailsInput!) { createParticipant(input: { details: $details }) { currentPathway { id } } }`,
      { details: { firstName: 'Autre', lastName: 'Plie', birthDate: '1990-01-01' } },
    );
    const { programmeAction } = await referent.data(`query($id: ID!) { programmeAction(id: $id) { sessions { id } } }`, { id: actionId });
    const propose = await stranger.request(`mutation($input: ProposePositioningInput!) { proposePositioning(input: $input) { id } }`, {
      input: { sessionId: programmeAction.sessions[0].id, pathwayId: createParticipant.currentPathway.id, reason: 'Essai' },
    });
    expect(codeOf(propose)).toBe('NOT_FOUND');
  });
});
