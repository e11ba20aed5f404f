import type { TestProject } from 'vitest/node';
import { chromium } from 'playwright-core';
import { CHROMIUM, CHROMIUM_ARGS, chromiumAvailable } from './browser';
import { startPortalServer } from './portal-server';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The portal server every browser test talks to. */
    portalUrl: string;
    /** The Chromium every browser test connects to, each test in contexts of its own. */
    chromiumEndpoint: string;
  }
}

/**
 * One portal server and one Chromium for all the browser tests, started once: each file used to
 * start its own, a few seconds each. The tests already share the database and name what they
 * create uniquely, so nothing else changes.
 */
export default async function setup(project: TestProject): Promise<(() => Promise<void>) | undefined> {
  if (!chromiumAvailable()) return undefined;
  const server = await startPortalServer();
  const browser = await chromium.launchServer({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
  project.provide('portalUrl', server.url);
  project.provide('chromiumEndpoint', browser.wsEndpoint());
  return async () => {
    await browser.close();
    await server.close();
  };
}
