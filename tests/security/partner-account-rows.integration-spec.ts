import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applyRlsSettings, beginRequestTransaction } from '@jalon/api/src/access/request-transaction';
import { createTenantFixture, FIXTURE_PASSWORD, type TenantFixture } from '@jalon/api/src/testing/fixtures';
import { GraphqlClient } from '@jalon/api/src/testing/graphql-client';
import { startTestServer, type TestServer } from '@jalon/api/src/testing/test-server';

/**
 * What a partner's own transaction (the application role, its request's settings) reads of the
 * accounts: its own user row, not every account of the tenant with its password hash; the
 * memberships of its organisation and of the programme's staff (whose names it is shown), not
 * those of the other partners; only the idempotency keys it sent itself.
 */

let server: TestServer;
let plie: TenantFixture;
const ids: Record<string, string> = {};

async function client(email: string): Promise<GraphqlClient> {
  const c = new GraphqlClient(server.app);
  await c.login(email, FIXTURE_PASSWORD);
  return c;
}

const SUBMIT = `mutation($input: SubmitReferralInput!) { submitReferral(input: $input) { id } }`;
const referral = (lastName: string, idempotencyKey: string) => ({
  input: {
    details: { firstName: 'Compte', lastName, birthDate: '1990-04-17', phone: '0611223344' },
    situation: 'Situation.',
    reason: 'Motif.',
    agreementMethod: 'SIGNED_FORM',
    agreedOn: '2026-11-02',
    idempotencyKey,
  },
});

beforeAll(async () => {
  server = await startTestServer();
  plie = await createTenantFixture(server, 'Comptes');
  await (await client(plie.users.partner.email)).data(SUBMIT, referral('Commune', 'key-of-the-commune'));
  await (await client(plie.users.aci.email)).data(SUBMIT, referral('Chantier', 'key-of-the-aci'));
  await server.asOwner(async (em) => {
    for (const row of await em.execute<Array<{ id: string; email: string }>>(`select id, email from app_user`)) ids[row.email] = row.id;
    const [commune] = await em.execute<Array<{ id: string }>>(`select user_id as id from membership where id = ?`, [plie.users.partner.membershipId]);
    ids.commune = commune!.id;
  });
});
afterAll(() => server.close());

/** Runs `sql` in the commune agent's transaction, exactly as its requests do, and rolls it back. */
async function asCommuneAgent<T extends object>(sql: string): Promise<T[]> {
  const em = server.database.orm.em.fork();
  await beginRequestTransaction(em);
  try {
    await applyRlsSettings(em, { tenantId: plie.tenantId, userId: ids.commune, organisationId: plie.organisations.commune.id, staff: false, now: new Date() });
    return await em.execute<T[]>(sql);
  } finally {
    await em.rollback();
  }
}

describe("a partner's transaction", () => {
  it('reads no other partner organisation member, nor its password hash', async () => {
    const rows = await asCommuneAgent<{ email: string }>(`select email from app_user`);
    const emails = rows.map((r) => r.email);
    expect(emails).toContain(plie.users.partner.email);
    for (const other of [plie.users.aci.email, plie.users.trainer.email]) expect(emails).not.toContain(other);
    const hashes = await asCommuneAgent<{ email: string }>(`select email from app_user where password_hash is not null`);
    expect(hashes.map((r) => r.email)).not.toContain(plie.users.aci.email);
  });

  it('reads the memberships of its organisation and of the staff, not those of other partners', async () => {
    const rows = await asCommuneAgent<{ id: string }>(`select id from membership`);
    const seen = rows.map((r) => r.id);
    expect(seen).toContain(plie.users.partner.membershipId);
    expect(seen).toContain(plie.users.referent.membershipId);
    expect(seen).not.toContain(plie.users.aci.membershipId);
    expect(seen).not.toContain(plie.users.trainer.membershipId);
  });

  it('reads only the idempotency keys it sent', async () => {
    const rows = await asCommuneAgent<{ key: string }>(`select key from idempotency_key`);
    expect(rows.map((r) => r.key)).toEqual(['key-of-the-commune']);
  });

  it('cannot write the membership of another organisation', async () => {
    const rows = await asCommuneAgent<{ id: string }>(`update membership set active = false where id = '${plie.users.aci.membershipId}' returning id`);
    expect(rows).toEqual([]);
  });
});
