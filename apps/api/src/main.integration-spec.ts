import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';

const API_DIR = path.resolve(__dirname, '..');
const ROOT_DIR = path.resolve(API_DIR, '../..');

/** Starts the real entry point (as `pnpm start` does) on a free port and an in-memory database. */
function startProcess(): { child: ChildProcess; output: () => string; ready: Promise<string> } {
  const child = spawn(process.execPath, ['-r', '@swc-node/register', 'src/main.ts'], {
    cwd: API_DIR,
    env: { ...process.env, DATA_DIR: 'memory://', PORT: '0', SEED_DEMO: 'true', LOG_LEVEL: 'debug', DATABASE_URL: '', DATABASE_MIGRATION_URL: '' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  return watch(child);
}

/** The process's output as it comes, and its address once it says it is ready (JSON logs). */
function watch(child: ChildProcess): { child: ChildProcess; output: () => string; stderr: () => string; ready: Promise<string> } {
  let output = '';
  let stderr = '';
  const ready = new Promise<string>((resolve, reject) => {
    child.stdout!.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const match = /"url":"(http:\/\/[^"]+)".*"msg":"Jalon is ready"/.exec(output);
      if (match) resolve(match[1]!);
    });
    child.stderr!.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      stderr += chunk.toString();
    });
    child.on('exit', (code) => reject(new Error(`exited with ${code} before being ready:\n${output}`)));
  });
  return { child, output: () => output, stderr: () => stderr, ready };
}

let running: ChildProcess | undefined;
let group: number | undefined;
afterEach(() => {
  running?.kill('SIGKILL');
  // A failed test may leave the server of a process group behind its pnpm: end the whole group.
  if (group) process.kill(-group, 'SIGKILL');
  group = undefined;
});

// Each test starts a server that migrates and seeds the demo on the embedded database: about 10 s
// alone, and past the suite's 30 s beside two busy workers (it timed out twice in full runs).
describe('the API process', { timeout: 90_000 }, () => {
  it('serves health checks, prints demo logins, and on SIGTERM finishes the request in flight before exiting cleanly', async () => {
    const { child, output, ready } = startProcess();
    running = child;
    const url = await ready;
    expect(output()).toContain('nadia@grenoble.demo');
    expect(await (await fetch(`${url}/healthz`)).json()).toEqual({ status: 'ok' });
    expect(await (await fetch(`${url}/readyz`)).json()).toEqual({ status: 'ready', database: 'pglite' });

    const exited = new Promise<number | null>((resolve) => child.on('exit', resolve));
    const inFlight = fetch(`${url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: 'mutation { login(input: { email: "nadia@grenoble.demo", password: "jalon-demo-2026" }) { user { email } } }' }),
    });
    // Signal as soon as the server has the request, while argon2 is still checking the password.
    await expect.poll(() => output().includes('"msg":"incoming request"') && output().includes('/graphql'), { interval: 1, timeout: 5000 }).toBe(true);
    child.kill('SIGTERM');

    const response = await inFlight;
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ data: { login: { user: { email: 'nadia@grenoble.demo' } } } });
    expect(await exited).toBe(0);
    expect(output()).toContain('"msg":"stopped"');
    await expect(fetch(`${url}/healthz`)).rejects.toThrow();
  });

  it('started as `pnpm start` starts it, logs no line per request and stops cleanly on Ctrl-C', async () => {
    // Its own process group, which Ctrl-C signals as a whole: pnpm, its shell and the server.
    const child = spawn('pnpm', ['--filter', '@jalon/api', 'start:demo'], {
      cwd: ROOT_DIR,
      detached: true,
      env: { ...process.env, NODE_ENV: '', LOG_LEVEL: '', LOG_FORMAT: 'json', DATA_DIR: 'memory://', PORT: '0', DATABASE_URL: '', DATABASE_MIGRATION_URL: '' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    running = child;
    group = child.pid;
    const { output, stderr, ready } = watch(child);
    const url = await ready;
    expect((await fetch(`${url}/healthz`)).status).toBe(200);

    const exited = new Promise<number | null>((resolve) => child.on('exit', resolve));
    process.kill(-child.pid!, 'SIGINT');
    expect(await exited).toBe(0);
    group = undefined;
    expect(output()).toContain('"msg":"stopped"');
    expect(output()).not.toContain('/healthz');
    expect(stderr()).toBe('');
  });

  it('refuses to start with an invalid configuration, naming the problem', async () => {
    const child = spawn(process.execPath, ['-r', '@swc-node/register', 'src/main.ts'], {
      cwd: API_DIR,
      env: { ...process.env, PORT: 'not-a-port' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    running = child;
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
    expect(code).toBe(1);
    expect(stderr).toMatch(/Invalid configuration:\s+PORT/);
  });
});
