// @ts-check
'use strict';
/**
 * The bench's eyes inside a server process it started (Jalon or its peer), preloaded with
 * `node -r` so that each server runs as it would in production, with no transpiler of the bench's
 * in it (plain JavaScript for that reason). Tells the bench the port once the server listens;
 * counts the SQL statements sent to PostgreSQL (every `query` of node-postgres' clients, BEGIN and
 * COMMIT included: the same hook for both servers, on the `pg` that BENCH_PG_FROM resolves) and
 * samples what it allocates, collected objects included, between the bench's `start` and `stop`
 * messages. The bench reads the process's CPU time from /proc during its load runs, when the
 * sampler is off (it costs CPU itself).
 */
const { mkdirSync, writeFileSync } = require('node:fs');
const { createRequire } = require('node:module');
const net = require('node:net');
const { join } = require('node:path');
const { Session } = require('node:inspector/promises');

const send = (/** @type {object} */ message) => /** @type {NonNullable<typeof process.send>} */ (process.send)(message);

const pg = createRequire(/** @type {string} */ (process.env.BENCH_PG_FROM))('pg');
let statements = 0;
const query = pg.Client.prototype.query;
pg.Client.prototype.query = function (/** @type {unknown[]} */ ...args) {
  statements++;
  return query.apply(this, args);
};

// The first server to listen is the one under test.
const listen = net.Server.prototype.listen;
net.Server.prototype.listen = function (/** @type {any[]} */ ...args) {
  net.Server.prototype.listen = listen;
  this.once('listening', () => {
    const address = this.address();
    send({ ready: true, port: typeof address === 'object' && address ? address.port : 0 });
  });
  return listen.apply(this, args);
};

const session = new Session();
session.connect();
process.on('message', (/** @type {{ cmd: 'start' | 'stop' }} */ message) => {
  void (async () => {
    if (message.cmd === 'start') {
      statements = 0;
      await session.post('HeapProfiler.enable');
      await session.post('HeapProfiler.startSampling', {
        samplingInterval: 4096,
        includeObjectsCollectedByMajorGC: true,
        includeObjectsCollectedByMinorGC: true,
      });
      send({ started: true });
    } else {
      const { profile } = await session.post('HeapProfiler.stopSampling');
      let allocated = 0;
      const walk = (/** @type {{ selfSize: number; children: any[] }} */ node) => {
        allocated += node.selfSize;
        node.children.forEach(walk);
      };
      walk(profile.head);
      // BENCH_HEAP_PROFILE=dir keeps each run's allocation profile (open it in Chrome's DevTools, Memory tab).
      const dir = process.env.BENCH_HEAP_PROFILE;
      if (dir) {
        mkdirSync(dir, { recursive: true });
        writeFileSync(join(dir, `${process.pid}-${Date.now()}.heapprofile`), JSON.stringify(profile));
      }
      send({ statements, allocated });
    }
  })();
});
// Stopped by the bench with SIGTERM: exit at once, normally, so that --cpu-prof (BENCH_NODE_OPTIONS) writes its profile.
process.once('SIGTERM', () => process.exit(0));
