import { afterAll, beforeAll } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchChromium } from './browser';
import { startPortalServer } from './portal-server';

export interface BrowserSuite {
  readonly server: Awaited<ReturnType<typeof startPortalServer>>;
  readonly browser: Browser;
}

/** The portal server and the Chromium a describe block's tests share: started before them, closed after. */
export function browserSuite(): BrowserSuite {
  const suite = {} as { -readonly [K in keyof BrowserSuite]: BrowserSuite[K] };
  beforeAll(async () => {
    suite.server = await startPortalServer();
    suite.browser = await launchChromium();
  });
  afterAll(async () => {
    await suite.browser?.close();
    await suite.server?.close();
  });
  return suite;
}
