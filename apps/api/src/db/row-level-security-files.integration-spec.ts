import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EntityManager } from '@mikro-orm/postgresql';
import { readRlsFunctions, rowLevelSecurityStatements } from './row-level-security-files';
import { startTestServer, type TestServer } from '../testing/test-server';

/**
 * db/rls is the row-level security in force: the database holds exactly the policies and functions
 * its files write, nothing more. Each is compared as PostgreSQL prints it back: the files are
 * applied over a database stripped of every policy (inside a savepoint rolled back afterwards), and
 * what PostgreSQL then prints must be what it printed before.
 */

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());

/** Every table's row-level security, every policy and every function of the schema, one line each. */
async function snapshot(em: EntityManager): Promise<string[]> {
  const rows = await em.execute<Array<{ line: string }>>(`
    select format('table %s: enabled %s, forced %s', c.relname, c.relrowsecurity, c.relforcerowsecurity) as line
      from pg_class c where c.relnamespace = current_schema()::regnamespace and c.relkind = 'r'
    union all
    select format('policy %s.%s: %s %s to %s using %s with check %s', tablename, policyname, permissive, cmd, roles, qual, with_check)
      from pg_policies where schemaname = current_schema()
    union all
    select format('function %s: %s granted %s', p.oid::regprocedure, pg_get_functiondef(p.oid), p.proacl)
      from pg_proc p where p.pronamespace = current_schema()::regnamespace
    order by 1`);
  return rows.map((row) => row.line);
}

/**
 * What differs between the database and db/rls: lines only the database has ("database: …") or
 * only the files give ("files: …"), and functions of the schema no file defines.
 */
async function differences(em: EntityManager): Promise<string[]> {
  const before = await snapshot(em);
  await em.execute('savepoint rls_files');
  try {
    await em.execute(`do $$ declare t record; p record; begin
      for p in select policyname, tablename from pg_policies where schemaname = current_schema() loop
        execute format('drop policy %I on %I', p.policyname, p.tablename);
      end loop;
      for t in select relname from pg_class where relnamespace = current_schema()::regnamespace and relkind = 'r' loop
        execute format('alter table %I disable row level security, no force row level security', t.relname);
      end loop;
    end $$;`);
    for (const statement of rowLevelSecurityStatements()) await em.execute(statement);
    const after = await snapshot(em);
    const files = new Set(readRlsFunctions().map((file) => file.name));
    const functions = await em.execute<Array<{ proname: string }>>(`select proname from pg_proc where pronamespace = current_schema()::regnamespace`);
    return [
      ...before.filter((line) => !after.includes(line)).map((line) => `database: ${line}`),
      ...after.filter((line) => !before.includes(line)).map((line) => `files: ${line}`),
      ...functions.filter((f) => !files.has(f.proname)).map((f) => `no file for function ${f.proname}`),
    ];
  } finally {
    await em.execute('rollback to savepoint rls_files');
  }
}

/** Runs `change` as the owner, compares, and rolls the change back. */
async function differencesAfter(change: string[]): Promise<string[]> {
  return server.asOwner(async (em) => {
    await em.execute('savepoint change');
    try {
      for (const statement of change) await em.execute(statement);
      return await differences(em);
    } finally {
      await em.execute('rollback to savepoint change');
    }
  });
}

describe('row-level security files (db/rls)', () => {
  it('are exactly the policies and functions in the database', async () => {
    expect(await differencesAfter([])).toEqual([]);
  });

  it('a policy added by hand and in no file is reported', async () => {
    const found = await differencesAfter([`create policy by_hand on stage for select using (true)`]);
    expect(found).toEqual([expect.stringMatching(/^database: policy stage\.by_hand: PERMISSIVE SELECT/)]);
  });

  it('a policy changed by hand is reported on both sides', async () => {
    const found = await differencesAfter([`alter policy stage_staff on stage using (jalon_is_staff())`]);
    expect(found).toHaveLength(2);
    expect(found[0]).toMatch(/^database: policy stage\.stage_staff: .* using jalon_is_staff\(\)/);
    expect(found[1]).toMatch(/^files: policy stage\.stage_staff: .* using \(\(tenant_id = jalon_tenant_id\(\)\) AND jalon_is_staff\(\)\)/);
  });

  it('a table with row-level security and no file is reported', async () => {
    const found = await differencesAfter([`create table by_hand (id int)`, `alter table by_hand enable row level security`]);
    expect(found).toEqual(['database: table by_hand: enabled t, forced f', 'files: table by_hand: enabled f, forced f']);
  });

  it('a function that differs from its file, or has none, is reported', async () => {
    const found = await differencesAfter([
      `create or replace function jalon_now() returns timestamptz language sql stable as $$ select now() $$`,
      `create function jalon_by_hand() returns int language sql as $$ select 1 $$`,
    ]);
    expect(found).toEqual([
      expect.stringMatching(/^database: function jalon_now\(\): .* select now\(\)/s),
      expect.stringMatching(/^files: function jalon_now\(\): .*current_setting\('jalon\.now'/s),
      'no file for function jalon_by_hand',
    ]);
  });
});
