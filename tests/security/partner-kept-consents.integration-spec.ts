import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applyRlsSettings, beginRequestTransaction } from '@jalon/api/src/access/request-transaction';
import { parseGlobalId } from '@jalon/api/src/graphql/relay';
import { createTenantFixture, FIXTURE_PASSWORD, type TenantFixture } from '@jalon/api/src/testing/fixtures';
import { GraphqlClient } from '@jalon/api/src/testing/graphql-client';
import { startTestServer, type TestServer } from '@jalon/api/src/testing/test-server';

/**
 * What is kept of a partner's consents to spare reading them again, tried for leaks:
 * - the partner policies of a person, a pathway and a stage read the partner's reach from a stash
 *   the first of them makes in a transaction-local setting, under a seal keyed by a secret the
 *   application role cannot read (db/rls/functions/jalon_partner_reach.sql). The application role
 *   can write that setting: whatever it writes there, it must see no more than the consents in
 *   force give it;
 * - the API keeps a partner's consents from one request to the next while its tenant's consents do
 *   not change (access/partner-consents.ts): any change, whoever writes it, reaches the next request.
 */
const NOW = new Date('2026-12-04T10:00:00Z');
let server: TestServer;
let plie: TenantFixture;
/** Two people with a pathway and a stage: `shared` with the commune, `unshared` with no one. */
let shared: { id: string; pathwayId: string };
let unshared: { id: string; pathwayId: string };
let sharedConsentId: string;

async function person(referent: GraphqlClient, kindId: string, i: number): Promise<{ id: string; pathwayId: string }> {
  const created = await referent.data(`mutation($input: CreateParticipantInput!) { createParticipant(input: $input) { id currentPathway { id } } }`, {
    input: { details: { firstName: `Personne${i}`, lastName: `Sceau${i}`, birthDate: `199${i}-03-0${i + 1}` } },
  });
  const pathwayId = created.createParticipant.currentPathway.id;
  await referent.data(`mutation($input: AddStageInput!) { addStage(input: $input) { id } }`, {
    input: { pathwayId, kindId, plannedStart: '2026-12-01', sharedSummary: `Résumé ${i}` },
  });
  return { id: parseGlobalId(created.createParticipant.id)!.id, pathwayId: parseGlobalId(pathwayId)!.id };
}

beforeAll(async () => {
  server = await startTestServer({}, { clock: () => NOW });
  plie = await createTenantFixture(server, 'Sceau');
  const referent = new GraphqlClient(server.app);
  await referent.login(plie.users.referent.email, FIXTURE_PASSWORD);
  const kinds: Array<{ id: string; code: string }> = (await referent.data(`{ stageKinds { id code } }`)).stageKinds;
  const jobSearch = kinds.find((k) => k.code === 'JOB_SEARCH')!.id;
  shared = await person(referent, jobSearch, 1);
  unshared = await person(referent, jobSearch, 2);
  const [collector] = await server.asOwner((em) => em.execute<Array<{ id: string }>>(`select id from app_user where email = ?`, [plie.users.referent.email]));
  const [consent] = await server.asOwner((em) =>
    em.execute<Array<{ id: string }>>(
      `insert into consent (id, created_at, tenant_id, participant_id, pathway_id, grantee_organisation_id, effect, data_classes, purpose, valid_from, status,
         method, collected_by_id, collected_on, notice_version)
       values (gen_random_uuid(), now(), ?, ?, ?, ?, 'GRANT', '{IDENTITY_CONTACT,STAGE_LIST}', 'REFERRAL_FOLLOW_UP', '2026-11-01', 'ACTIVE', 'SIGNED_FORM', ?, '2026-11-01', 'sceau')
       returning id`,
      [plie.tenantId, shared.id, shared.pathwayId, plie.organisations.commune.id, collector!.id],
    ),
  );
  sharedConsentId = consent!.id;
}, 120_000);
afterAll(() => server.close());

type EntityManager = ReturnType<TestServer['database']['orm']['em']['fork']>;

/** A partner's own transaction, rolled back: `work` runs as the application role with the partner's settings. */
async function asPartner<T>(organisationId: string, work: (em: EntityManager) => Promise<T>): Promise<T> {
  const em = server.database.orm.em.fork();
  await beginRequestTransaction(em);
  try {
    await applyRlsSettings(em, { tenantId: plie.tenantId, organisationId, staff: false, now: NOW });
    return await work(em);
  } finally {
    await em.rollback();
  }
}

const setStash = (em: EntityManager, stash: string) => em.execute(`select set_config('jalon.partner_reach', ?, true)`, [stash]);
const stash = async (em: EntityManager) => (await em.execute<Array<{ s: string }>>(`select current_setting('jalon.partner_reach', true) as s`))[0]!.s;
const visible = async (em: EntityManager) => ({
  people: (await em.execute<Array<{ id: string }>>(`select id from participant order by id`)).map((r) => r.id),
  pathways: (await em.execute<Array<{ participant_id: string }>>(`select participant_id from pathway`)).map((r) => r.participant_id),
  stages: (await em.execute<Array<{ pathway_id: string }>>(`select pathway_id from stage`)).map((r) => r.pathway_id),
});
const sharedOnly = () => ({ people: [shared.id], pathways: [shared.id], stages: [shared.pathwayId] });

describe("the partner's reach, stashed for the transaction", () => {
  it('is made by the first read and read back by the next ones, with the same rows', async () => {
    await asPartner(plie.organisations.commune.id, async (em) => {
      expect(await stash(em)).toBeFalsy();
      expect(await visible(em)).toEqual(sharedOnly());
      expect(await stash(em)).toMatch(/^[0-9a-f]{64}\{/);
      expect(await visible(em)).toEqual(sharedOnly());
    });
  });

  it('ignores a stash written by the application role: unsealed, or sealed sets with a person added', async () => {
    const both = `{${[shared.id, unshared.id].sort().join(',')}}|{"${shared.pathwayId}": true, "${unshared.pathwayId}": true}`;
    await asPartner(plie.organisations.commune.id, async (em) => {
      await setStash(em, `${'0'.repeat(64)}${both}`);
      expect(await visible(em)).toEqual(sharedOnly());
    });
    await asPartner(plie.organisations.commune.id, async (em) => {
      await visible(em);
      await setStash(em, `${(await stash(em)).slice(0, 64)}${both}`);
      expect(await visible(em)).toEqual(sharedOnly());
    });
  });

  it('ignores a stash carried to another transaction after the consent is withdrawn, or to another partner', async () => {
    const carried = await asPartner(plie.organisations.commune.id, async (em) => {
      expect(await visible(em)).toEqual(sharedOnly());
      return stash(em);
    });
    await asPartner(plie.organisations.siae.id, async (em) => {
      await setStash(em, carried);
      expect(await visible(em)).toEqual({ people: [], pathways: [], stages: [] });
    });
    await server.asOwner((em) => em.execute(`update consent set status = 'REVOKED' where id = ?`, [sharedConsentId]));
    try {
      await asPartner(plie.organisations.commune.id, async (em) => {
        await setStash(em, carried);
        expect(await visible(em)).toEqual({ people: [], pathways: [], stages: [] });
      });
    } finally {
      await server.asOwner((em) => em.execute(`update consent set status = 'ACTIVE' where id = ?`, [sharedConsentId]));
    }
  });

  it('ignores a stash kept after the request changes its organisation in the same transaction', async () => {
    await asPartner(plie.organisations.commune.id, async (em) => {
      expect(await visible(em)).toEqual(sharedOnly());
      await em.execute(`select set_config('jalon.organisation_id', ?, true)`, [plie.organisations.siae.id]);
      expect(await visible(em)).toEqual({ people: [], pathways: [], stages: [] });
    });
  });

  it("keeps the seal's secret and the sealing from the application role", async () => {
    await expect(asPartner(plie.organisations.commune.id, (em) => em.execute(`select secret from row_security_secret`))).rejects.toThrow(/permission denied/);
    await expect(asPartner(plie.organisations.commune.id, (em) => em.execute(`select jalon_partner_reach_seal('{}|{}')`))).rejects.toThrow(/permission denied/);
  });
});

describe("a partner's consents, kept from one request to the next", () => {
  const LIST = `{ participants(page: { first: 10 }) { edges { node { id firstName } } } }`;
  let partner: GraphqlClient;
  const listed = async () => ((await partner.data(LIST)).participants.edges as Array<{ node: { id: string } }>).map((e) => parseGlobalId(e.node.id)!.id);

  beforeAll(async () => {
    partner = new GraphqlClient(server.app);
    await partner.login(plie.users.partner.email, FIXTURE_PASSWORD);
  });

  it('are read again after any change to the consents, made by whoever: a withdrawal, an erasure, a new grant', async () => {
    expect(await listed()).toEqual([shared.id]);
    expect(await listed()).toEqual([shared.id]);
    // Written past the API, as the retention job or the participant's own space would.
    await server.asOwner((em) => em.execute(`update consent set status = 'REVOKED' where id = ?`, [sharedConsentId]));
    expect(await listed()).toEqual([]);
    await server.asOwner((em) => em.execute(`update consent set status = 'ACTIVE' where id = ?`, [sharedConsentId]));
    expect(await listed()).toEqual([shared.id]);
    const [copy] = await server.asOwner((em) =>
      em.execute<Array<{ id: string }>>(
        `insert into consent (id, created_at, tenant_id, participant_id, pathway_id, grantee_organisation_id, effect, data_classes, purpose, valid_from, status,
           method, collected_by_id, collected_on, notice_version)
         select gen_random_uuid(), now(), tenant_id, ?, ?, grantee_organisation_id, effect, data_classes, purpose, valid_from, status, method, collected_by_id, collected_on, notice_version
           from consent where id = ? returning id`,
        [unshared.id, unshared.pathwayId, sharedConsentId],
      ),
    );
    expect((await listed()).sort()).toEqual([shared.id, unshared.id].sort());
    await server.asOwner((em) => em.execute(`delete from consent where id = ?`, [copy!.id]));
    expect(await listed()).toEqual([shared.id]);
  });

  it("are sent by the session's opening only when the stamp the API holds is no longer theirs", async () => {
    const [session] = await server.asOwner((em) =>
      em.execute<Array<{ token_hash: string }>>(`select token_hash from session where membership_id = ?`, [plie.users.partner.membershipId]),
    );
    const open = (known: string | null) =>
      asPartner(plie.organisations.commune.id, async (em) => {
        const [row] = await em.execute<Array<{ consents: unknown[] | null; consents_stamp: string }>>(
          `select consents, consents_stamp from jalon_open_session(?, ?, ?)`,
          [session!.token_hash, NOW, known],
        );
        return row!;
      });
    const first = await open(null);
    expect(first.consents).toHaveLength(1);
    expect(await open(first.consents_stamp)).toEqual({ consents: null, consents_stamp: first.consents_stamp });
    await server.asOwner((em) => em.execute(`update consent set purpose = 'CONTRACT_REPORTING' where id = ?`, [sharedConsentId]));
    const changed = await open(first.consents_stamp);
    expect(changed.consents).toHaveLength(1);
    expect(changed.consents_stamp).not.toBe(first.consents_stamp);
    await server.asOwner((em) => em.execute(`update consent set purpose = 'REFERRAL_FOLLOW_UP' where id = ?`, [sharedConsentId]));
  });
});
