import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTenantFixture, FIXTURE_PASSWORD } from '@jalon/api/src/testing/fixtures';
import { GraphqlClient, type GraphqlResponse } from '@jalon/api/src/testing/graphql-client';
import { startTestServer, type TestServer } from '@jalon/api/src/testing/test-server';

/**
 * A text's length limit is declared once, on its GraphQL input field (graphql/input-limits.ts),
 * and is the one its form allows: one character more is refused on the field, with the limit said.
 */
let server: TestServer;
let referent: GraphqlClient;
let participantId: string;
let pathwayId: string;

beforeAll(async () => {
  server = await startTestServer();
  const tenant = await createTenantFixture(server, 'Limits');
  referent = new GraphqlClient(server.app);
  await referent.login(tenant.users.referent.email, FIXTURE_PASSWORD);
  const created = await referent.data(
    `mutation { createParticipant(input: { details: { firstName: "Lina", lastName: "Mercier", birthDate: "1992-03-03" } }) { id currentPathway { id } } }`,
  );
  participantId = created.createParticipant.id;
  pathwayId = created.createParticipant.currentPathway.id;
});
afterAll(() => server.close());

function expectTooLong(response: GraphqlResponse, field: string, max: number) {
  expect(response.errors?.[0]?.extensions, JSON.stringify(response.errors)).toMatchObject({ code: 'BAD_USER_INPUT', field });
  expect(response.errors?.[0]?.message).toBe(`Ce texte est trop long (${max} caractères au plus).`);
}

describe('text length limits, declared on the input', () => {
  it('a name: 100 characters', async () => {
    const details = { firstName: 'L'.repeat(101), lastName: 'Mercier', birthDate: '1992-03-03' };
    expectTooLong(
      await referent.request(`mutation($details: ParticipantDetailsInput!) { createParticipant(input: { details: $details }) { id } }`, { details }),
      'firstName',
      100,
    );
    const lookup = `query($last: String!) { possibleDuplicates(lastName: $last, firstName: "Lina", birthDate: "1992-03-03") { id } }`;
    expectTooLong(await referent.request(lookup, { last: 'M'.repeat(101) }), 'lastName', 100);
    expect((await referent.data(lookup, { last: 'Mercier' })).possibleDuplicates).toEqual([{ id: participantId }]);
  });

  it('the reason for a change of status: 1,000 characters, as its form allows', async () => {
    const input = { pathwayId, version: 1, status: 'ACTIVE', date: '2026-11-02', reason: 'r'.repeat(1001) };
    expectTooLong(
      await referent.request(`mutation($input: ChangePathwayStatusInput!) { changePathwayStatus(input: $input) { id } }`, { input }),
      'reason',
      1000,
    );
  });

  it('the notes of a stage: several lines, as long as declared on its plan, which adding and updating a stage inherit', async () => {
    const kinds = (await referent.data(`{ stageKinds { id code } }`)).stageKinds;
    const input = {
      pathwayId,
      kindId: kinds[0].id,
      plannedStart: '2026-12-01',
      sharedSummary: 'Objectif :\n- CACES',
      privateNotes: `Dettes :\n${'n'.repeat(4500)}`,
    };
    const added = await referent.data(`mutation($input: AddStageInput!) { addStage(input: $input) { sharedSummary privateNotes } }`, { input });
    expect(added.addStage).toEqual({ sharedSummary: input.sharedSummary, privateNotes: input.privateNotes });
    const tooLong = { ...input, privateNotes: 'n'.repeat(5001) };
    expectTooLong(await referent.request(`mutation($input: AddStageInput!) { addStage(input: $input) { id } }`, { input: tooLong }), 'privateNotes', 5000);
  });

  it('the version of a consent notice, inherited by granting and amending: 50 characters', async () => {
    const input = {
      participantId,
      granteeKind: 'COMMUNE',
      dataClasses: ['PATHWAY_STATUS'],
      purpose: 'REFERRAL_FOLLOW_UP',
      method: 'SIGNED_FORM',
      collectedOn: '2026-11-20',
      noticeVersion: 'v'.repeat(51),
    };
    expectTooLong(await referent.request(`mutation($input: GrantConsentInput!) { grantConsent(input: $input) { id } }`, { input }), 'noticeVersion', 50);
  });
});
