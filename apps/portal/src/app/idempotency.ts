/**
 * A key for one intended creation (README, "The API"): sent with each attempt of the same creation, so a
 * retried request (timeout, double click) never creates twice. A new one for each new creation.
 */
export function newIdempotencyKey(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}
