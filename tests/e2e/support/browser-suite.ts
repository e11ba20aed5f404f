import { afterAll, beforeAll, inject } from 'vitest';
import { chromium, type Browser } from 'playwright-core';

export interface BrowserSuite {
  readonly server: { readonly url: string };
  readonly browser: Browser;
}

/**
 * The portal server and the Chromium a describe block's tests use: those every browser test
 * shares (global-setup.ts), connected to before the tests and let go after.
 */
export function browserSuite(): BrowserSuite {
  const suite = {} as { -readonly [K in keyof BrowserSuite]: BrowserSuite[K] };
  beforeAll(async () => {
    suite.server = { url: inject('portalUrl') };
    suite.browser = await chromium.connect(inject('chromiumEndpoint'));
  });
  // Closing a connected browser closes the contexts this file opened, not the shared Chromium.
  afterAll(async () => {
    await suite.browser?.close();
  });
  return suite;
}
