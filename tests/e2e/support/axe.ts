import axe from 'axe-core';
import type { Page } from 'playwright-core';

/**
 * What axe-core finds against WCAG 2.1 A and AA on the page as it is now, one line per rule broken
 * with the elements that break it: an empty list is an "axe clean" page.
 */
export async function axeViolations(page: Page): Promise<string[]> {
  // A toast or a message fading in or out is, for a moment, half-transparent text: judged then, its
  // contrast fails. PrimeVue marks both while they move (an open dialog's mask keeps its own mark).
  await page.waitForFunction(
    () => !document.querySelector('.p-toast-message-enter-active, .p-toast-message-leave-active, .p-message-enter-active, .p-message-leave-active'),
  );
  // Through the browser's debugging protocol: the portal's Content-Security-Policy forbids inline scripts.
  await page.evaluate(axe.source);
  const violations = await page.evaluate(async () => {
    const { violations } = await (window as unknown as { axe: typeof axe }).axe.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
    });
    return violations.map((v) => ({ id: v.id, targets: v.nodes.map((n) => n.target.join(' ')) }));
  });
  return violations.map((v) => `${v.id}: ${v.targets.join(', ')}`);
}
