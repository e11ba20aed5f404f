import path from 'node:path';
import fs from 'node:fs';
import { startTestServer, type TestServer } from '@jalon/api/src/testing/test-server';

const PORTAL_DIST = path.resolve(__dirname, '../../../apps/portal/dist');

/** The product as `pnpm start` runs it — API and built portal on one port — on a test database. */
export async function startPortalServer(): Promise<TestServer & { url: string }> {
  if (!fs.existsSync(path.join(PORTAL_DIST, 'index.html'))) throw new Error('Build the portal first: pnpm --filter @jalon/portal build (pnpm test does).');
  const server = await startTestServer({ PORTAL_DIST });
  const address = await server.app.listen({ host: '127.0.0.1', port: 0 });
  return { ...server, url: address };
}
