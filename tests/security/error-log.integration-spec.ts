import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTenantFixture, FIXTURE_PASSWORD } from '@jalon/api/src/testing/fixtures';
import { GraphqlClient } from '@jalon/api/src/testing/graphql-client';
import { startTestServer, type TestServer } from '@jalon/api/src/testing/test-server';

/**
 * A database error is logged with what an operator needs (its class, SQLSTATE, constraint, table,
 * request id, GraphQL path), never with the statement, its parameters or the values PostgreSQL
 * puts in its detail: those are people's data.
 */
let server: TestServer;
let referent: GraphqlClient;
let participantId: string;
const logLines: string[] = [];

const ADD = `mutation($input: AddJournalEntryInput!) { addJournalEntry(input: $input) { text } }`;
const PROBE = 'error-log-probe';

beforeAll(async () => {
  const logStream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      logLines.push(chunk.toString('utf8'));
      done();
    },
  });
  server = await startTestServer({ LOG_LEVEL: 'info' }, { logStream });
  const tenant = await createTenantFixture(server, 'ErrorLog');
  referent = new GraphqlClient(server.app);
  await referent.login(tenant.users.referent.email, FIXTURE_PASSWORD);
  participantId = (
    await referent.data(`mutation { createParticipant(input: { details: { firstName: "Yanis", lastName: "Probe", birthDate: "1990-01-01" } }) { id } }`)
  ).createParticipant.id;
  // Journal entries naming the probe break a constraint, as PostgreSQL reports it: the row's values in the detail.
  // One at once (the resolver's error), one at commit (the request's error, outside GraphQL).
  await server.asOwner(async (em) => {
    await em.execute(`create function error_log_probe() returns trigger language plpgsql as $$
      begin
        if new.text like '${PROBE} now%' or (tg_when = 'AFTER' and new.text like '${PROBE} at commit%') then
          raise exception 'new row for relation "journal_entry" violates check constraint "journal_entry_probe"'
            using errcode = 'check_violation', constraint = 'journal_entry_probe', table = 'journal_entry', column = 'text',
                  detail = format('Failing row contains (%s).', new.text);
        end if;
        return new;
      end $$`);
    await em.execute(`create trigger error_log_probe before insert on journal_entry for each row execute function error_log_probe()`);
    await em.execute(
      `create constraint trigger error_log_probe_deferred after insert on journal_entry deferrable initially deferred for each row execute function error_log_probe()`,
    );
  });
});
afterAll(async () => {
  await server.asOwner(async (em) => {
    await em.execute(`drop trigger error_log_probe on journal_entry`);
    await em.execute(`drop trigger error_log_probe_deferred on journal_entry`);
    await em.execute(`drop function error_log_probe()`);
  });
  await server.close();
});

async function logOf(text: string) {
  const from = logLines.length;
  const response = await referent.request(ADD, { input: { participantId, day: '2026-11-03', text } });
  const entries = logLines.slice(from).map((line) => JSON.parse(line) as Record<string, any>);
  return { response, entries, raw: logLines.slice(from).join('\n') };
}

describe('a database error in the log', () => {
  it('in a resolver: SQLSTATE, constraint, table, request id and path, no SQL and no value', async () => {
    const secret = `${PROBE} now: Yanis owes 4 312 € to his landlord`;
    const { response, entries, raw } = await logOf(secret);
    expect(response.errors?.[0]?.extensions?.code).toBe('INTERNAL_SERVER_ERROR');
    const logged = entries.find((e) => e.err?.code === '23514');
    expect(logged, raw).toMatchObject({
      level: 50,
      reqId: expect.any(String),
      path: ['addJournalEntry'],
      err: { type: 'CheckConstraintViolationException', code: '23514', constraint: 'journal_entry_probe', table: 'journal_entry', column: 'text' },
    });
    expect(raw).not.toContain('4 312');
    expect(raw).not.toMatch(/insert into|journal_entry" \(|Failing row/i);
  });

  it('at commit, outside GraphQL: the same, with the request id', async () => {
    const secret = `${PROBE} at commit: Yanis owes 5 120 € to his landlord`;
    const { response, entries, raw } = await logOf(secret);
    expect(response.status).toBe(500);
    const logged = entries.find((e) => e.err?.code === '23514');
    expect(logged, raw).toMatchObject({
      level: 50,
      reqId: expect.any(String),
      err: { code: '23514', constraint: 'journal_entry_probe', table: 'journal_entry' },
    });
    expect(raw).not.toContain('5 120');
    expect(raw).not.toMatch(/insert into|commit|Failing row/i);
  });
});
