import { createServer, type IncomingMessage } from 'node:http';
import { postgraphile } from 'postgraphile';
import { makePgService } from 'postgraphile/adaptors/pg';
import { grafserv } from 'postgraphile/grafserv/node';
import { PostGraphileAmberPreset } from 'postgraphile/presets/amber';
import type { BenchViewer } from '../../apps/api/bench/bench-viewer';
import { answerBench } from '../../apps/api/bench/server-probe';

/**
 * The peer the bench compares Jalon with: PostGraphile 5 over the same database, connected as the
 * application role and held by the same row-level security, each request carrying the `jalon.*`
 * settings of the viewer named by its `x-bench-as` header (what Jalon sets from the session).
 */
const viewers = JSON.parse(process.env.BENCH_VIEWERS!) as Record<string, BenchViewer>;
const pool = Number(process.env.BENCH_POOL ?? 8);

function settingsOf(req: IncomingMessage | undefined): Record<string, string> {
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

const preset: GraphileConfig.Preset = {
  extends: [PostGraphileAmberPreset],
  // Every column orderable, as Jalon's list orders by its own key (the default only allows indexed ones).
  disablePlugins: ['PgIndexBehaviorsPlugin'],
  pgServices: [makePgService({ connectionString: process.env.TEST_DATABASE_URL!, schemas: ['public'], poolConfig: { max: pool } })],
  grafast: { context: (ctx) => ({ pgSettings: settingsOf(ctx.node?.req) }) },
  grafserv: { graphqlPath: '/graphql', graphiql: false },
};

async function main(): Promise<void> {
  const pgl = postgraphile(preset);
  const serv = pgl.createServ(grafserv);
  const server = createServer();
  serv.addTo(server).catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  await pgl.getSchema();
  const address = server.address();
  answerBench(require.resolve('postgraphile/adaptors/pg'), typeof address === 'object' && address ? address.port : 0);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
