import { afterAll, afterEach, beforeAll, inject } from 'vitest';
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
  // A test failed: what each open page said (its alerts, field errors and toasts) goes to the log,
  // the only trace a CI run keeps of why a dialog stayed open or a text never came.
  afterEach(async (context) => {
    if (context.task.result?.state !== 'fail' || !suite.browser) return;
    for (const page of suite.browser.contexts().flatMap((browserContext) => browserContext.pages())) {
      const said = await page
        .locator('[role="alert"], [id$="-error"], .p-toast-message')
        .allInnerTexts()
        .catch((error: unknown) => [`(page unreadable: ${String(error)})`]);
      console.error(`Page ${page.url()} said:\n${said.map((text) => `  - ${text.trim()}`).join('\n') || '  (nothing)'}`);
    }
  });
  // Closing a connected browser closes the contexts this file opened, not the shared Chromium.
  afterAll(async () => {
    await suite.browser?.close();
  });
  return suite;
}
