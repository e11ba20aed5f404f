// @ts-check
'use strict';
/**
 * The peer the bench compares Jalon with: PostGraphile 5 over the same database, connected as the
 * application role and held by the same row-level security, each request carrying the `jalon.*`
 * settings of the viewer named by its `x-bench-as` header (what Jalon sets from the session).
 * Plain JavaScript, as Jalon runs compiled: neither server carries a transpiler in the bench.
 */
const { createServer } = require('node:http');
const { postgraphile } = require('postgraphile');
const { makePgService } = require('postgraphile/adaptors/pg');
const { grafserv } = require('postgraphile/grafserv/node');
const { PostGraphileAmberPreset } = require('postgraphile/presets/amber');

/** @type {Record<string, import('../../apps/api/bench/bench-viewer').BenchViewer>} */
const viewers = JSON.parse(/** @type {string} */ (process.env.BENCH_VIEWERS));
const pool = Number(process.env.BENCH_POOL ?? 8);

/** @param {import('node:http').IncomingMessage | undefined} req */
function settingsOf(req) {
  const viewer = viewers[String(req?.headers['x-bench-as'] ?? '')];
  if (!viewer) return {};
  return {
    'jalon.tenant_id': viewer.tenantId,
    'jalon.user_id': viewer.userId,
    'jalon.organisation_id': viewer.organisationId,
    'jalon.staff': String(viewer.staff),
    'jalon.now': new Date().toISOString(),
  };
}

/** @type {GraphileConfig.Preset} */
const preset = {
  extends: [PostGraphileAmberPreset],
  // Every column orderable, as Jalon's list orders by its own key (the default only allows indexed ones).
  disablePlugins: ['PgIndexBehaviorsPlugin'],
  pgServices: [makePgService({ connectionString: process.env.TEST_DATABASE_URL, schemas: ['public'], poolConfig: { max: pool } })],
  grafast: { context: (ctx) => ({ pgSettings: settingsOf(ctx.node?.req) }) },
  grafserv: { graphqlPath: '/graphql', graphiql: false },
};

async function main() {
  const pgl = postgraphile(preset);
  const serv = pgl.createServ(grafserv);
  const server = createServer();
  serv.addTo(server).catch((/** @type {unknown} */ error) => {
    console.error(error);
    process.exit(1);
  });
  // Listening only once the schema is built: the bench's probe takes listening as ready.
  await pgl.getSchema();
  server.listen(0, '127.0.0.1');
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
