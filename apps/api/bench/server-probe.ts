import { writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { Session } from 'node:inspector/promises';

/**
 * The bench's eyes inside a server process it started (Jalon or its peer): counts the SQL
 * statements sent to PostgreSQL (every `query` of node-postgres' clients, BEGIN and COMMIT
 * included, the same hook for both servers), the process's CPU time (user + system) and, when
 * asked (`heap`), samples what it allocates, collected objects included, between the bench's
 * `start` and `stop` messages. CPU is measured in runs without the heap sampler, which costs CPU itself.
 */
export function answerBench(pgFrom: string, port: number): void {
  const pg = createRequire(pgFrom)('pg') as { Client: { prototype: { query: (...args: unknown[]) => unknown } } };
  let statements = 0;
  const query = pg.Client.prototype.query;
  pg.Client.prototype.query = function (this: unknown, ...args: unknown[]) {
    statements++;
    return query.apply(this, args);
  };
  const session = new Session();
  session.connect();
  let cpu = process.cpuUsage();
  let sampling = false;
  process.on('message', (message: { cmd: 'start' | 'stop'; heap?: boolean }) => {
    void (async () => {
      if (message.cmd === 'start') {
        statements = 0;
        sampling = !!message.heap;
        cpu = process.cpuUsage();
        if (!sampling) return process.send!({ started: true });
        await session.post('HeapProfiler.enable');
        await session.post('HeapProfiler.startSampling', {
          samplingInterval: 4096,
          includeObjectsCollectedByMajorGC: true,
          includeObjectsCollectedByMinorGC: true,
        });
        process.send!({ started: true });
      } else {
        const used = process.cpuUsage(cpu);
        const cpuMs = (used.user + used.system) / 1000;
        if (!sampling) return process.send!({ statements, allocated: 0, cpuMs });
        const { profile } = await session.post('HeapProfiler.stopSampling');
        let allocated = 0;
        const walk = (node: { selfSize: number; children: unknown[] }) => {
          allocated += node.selfSize;
          node.children.forEach((child) => walk(child as typeof node));
        };
        walk(profile.head);
        // BENCH_HEAP_PROFILE=dir keeps each run's allocation profile (open it in Chrome's DevTools, Memory tab).
        const dir = process.env.BENCH_HEAP_PROFILE;
        if (dir) writeFileSync(join(dir, `${process.pid}-${Date.now()}.heapprofile`), JSON.stringify(profile));
        process.send!({ statements, allocated, cpuMs });
      }
    })();
  });
  // Stopped by the bench with SIGTERM: exit normally so that --cpu-prof (BENCH_NODE_OPTIONS) writes its profile.
  process.once('SIGTERM', () => process.exit(0));
  process.send!({ ready: true, port });
}
