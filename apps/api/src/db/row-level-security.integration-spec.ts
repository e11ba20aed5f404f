import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EntityManager } from '@mikro-orm/postgresql';
import { APP_ROLE } from '../access/app-role';
import { applyRlsSettings, beginRequestTransaction } from '../access/request-transaction';
import { createTenantFixture, type TenantFixture } from '../testing/fixtures';
import { startTestServer, type TestServer } from '../testing/test-server';

let server: TestServer;
let grenoble: TenantFixture;
let clermont: TenantFixture;

beforeAll(async () => {
  server = await startTestServer();
  grenoble = await createTenantFixture(server, 'Grenoble');
  clermont = await createTenantFixture(server, 'Clermont');
});
afterAll(() => server.close());

/** Runs `work` exactly as a request does: app role, given settings, rolled back afterwards. */
async function asApp<T>(settings: Parameters<typeof applyRlsSettings>[1], work: (em: EntityManager) => Promise<T>): Promise<T> {
  const em = server.database.orm.em.fork();
  await beginRequestTransaction(em);
  try {
    await applyRlsSettings(em, settings);
    return await work(em);
  } finally {
    await em.rollback();
  }
}

async function publicTables(): Promise<Array<{ table: string; hasTenantId: boolean; enabled: boolean; forced: boolean; readable: boolean }>> {
  return server.asOwner(async (em) => {
    const rows = await em.execute<Array<{ table: string; has_tenant_id: boolean; enabled: boolean; forced: boolean; readable: boolean }>>(`
      select c.relname as table, c.relrowsecurity as enabled, c.relforcerowsecurity as forced,
             exists (select 1 from pg_attribute a where a.attrelid = c.oid and a.attname = 'tenant_id' and not a.attisdropped) as has_tenant_id,
             has_table_privilege('${APP_ROLE}', c.oid, 'select') as readable
      from pg_class c join pg_namespace n on n.oid = c.relnamespace
      where n.nspname = 'public' and c.relkind = 'r' and c.relname <> 'mikro_orm_migrations'`);
    return rows.map((r) => ({ table: r.table, hasTenantId: r.has_tenant_id, enabled: r.enabled, forced: r.forced, readable: r.readable }));
  });
}

describe('row-level security', () => {
  // Written and read by SQL only (access/access-log.ts, modules/esf/esf-export.query.ts, modules/retention/retention.query.ts,
  // modules/import/import.query.ts, the participant's space in db/participant-session.query.ts and db/participant-space.query.ts;
  // consent_version by a trigger on consent, read by jalon_open_session): row-level security alone scopes them.
  const TABLES_OUTSIDE_THE_ORM = [
    'access_log',
    'esf_export_line',
    'import_key',
    'retention_policy',
    'retention_run',
    'access_log_anchor',
    'participant_access_code',
    'participant_session',
    'rights_request',
    'consent_version',
  ];

  it('is enabled and forced on every table carrying tenant_id (and on every other table too)', async () => {
    const tables = await publicTables();
    // The tables with tenant_id are exactly those of the tenant-owned entities (checked against the ORM below).
    const { tenantOwnedEntities } = await import('./entities');
    const metadata = server.database.orm.getMetadata();
    expect(
      tables
        .filter((t) => t.hasTenantId)
        .map((t) => t.table)
        .sort(),
    ).toEqual([...tenantOwnedEntities.map((e) => metadata.find(e.name)!.tableName), ...TABLES_OUTSIDE_THE_ORM].sort());
    for (const table of tables)
      expect({ table: table.table, enabled: table.enabled, forced: table.forced }).toEqual({ table: table.table, enabled: true, forced: true });
  });

  it('puts every entity with a tenant relation under the ORM tenant filter', async () => {
    const { tenantOwnedEntities } = await import('./entities');
    const withTenant = Object.values(server.database.orm.getMetadata().getAll())
      .filter((meta) => !meta.abstract && meta.properties.tenant)
      .map((meta) => meta.className)
      .sort();
    expect(tenantOwnedEntities.map((e) => e.name).sort()).toEqual(withTenant);
  });

  it('runs requests as a role that owns nothing and cannot bypass it', async () => {
    const [role] = await asApp({}, (em) =>
      em.execute<Array<{ current_user: string; rolsuper: boolean; rolbypassrls: boolean; owned: number }>>(
        `select current_user, r.rolsuper, r.rolbypassrls, (select count(*)::int from pg_class c where c.relowner = r.oid) as owned from pg_roles r where r.rolname = current_user`,
      ),
    );
    expect(role).toEqual({ current_user: APP_ROLE, rolsuper: false, rolbypassrls: false, owned: 0 });
  });

  it('shows the application role no row at all when no tenant is set', async () => {
    const tables = await publicTables();
    // The seal's secret (db/rls/functions/jalon_partner_reach_seal.sql) is not even granted to it.
    expect(tables.filter((t) => !t.readable).map((t) => t.table)).toEqual(['row_security_secret']);
    const counts = await asApp({}, async (em) => {
      const result: Record<string, number> = {};
      for (const { table } of tables.filter((t) => t.readable))
        result[table] = (await em.execute<Array<{ n: number }>>(`select count(*)::int as n from "${table}"`))[0]!.n;
      return result;
    });
    // The demo data and both fixtures are there, yet nothing is visible.
    expect(Object.values(counts).every((n) => n === 0)).toBe(true);
    const ownerCount = await server.asOwner((em) => em.execute<Array<{ n: number }>>('select count(*)::int as n from organisation'));
    expect(ownerCount[0]!.n).toBeGreaterThan(8);
  });

  it("shows one tenant's rows only, and refuses writes into another tenant", async () => {
    const visible = await asApp({ tenantId: grenoble.tenantId }, (em) =>
      em.execute<Array<{ tenant_id: string }>>('select distinct tenant_id from organisation'),
    );
    expect(visible).toEqual([{ tenant_id: grenoble.tenantId }]);

    await expect(
      asApp({ tenantId: grenoble.tenantId }, (em) =>
        em.execute(`insert into organisation (id, created_at, tenant_id, name, kind) values (gen_random_uuid(), now(), ?, 'Intrus', 'COMMUNE')`, [
          clermont.tenantId,
        ]),
      ),
    ).rejects.toThrow(/row-level security/);

    const updated = await asApp({ tenantId: grenoble.tenantId }, (em) =>
      em.execute(`update organisation set name = 'Piraté' where tenant_id = ?`, [clermont.tenantId], 'run'),
    );
    expect(updated).toMatchObject({ affectedRows: 0 });
  });

  it('fails closed in the ORM: a tenant-owned query with no tenant set throws instead of reading every tenant', async () => {
    const { Organisation } = await import('../modules/organisations/organisation.entity');
    await expect(asApp({}, (em) => em.find(Organisation, {}))).rejects.toThrow(/filter 'tenant'/);
    // A request whose actor has no membership sets the tenant to nothing: refused as well.
    await expect(asApp({ tenantId: null }, (em) => em.find(Organisation, {}))).rejects.toThrow(/without a tenant/);
  });
});
