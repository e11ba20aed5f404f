/**
 * Only paths inside the portal: `//evil.example` or `https://…` would be an open redirect. Its own
 * file: the login page reads it, and importing the router from a page the router loads is a cycle.
 */
export function safeRedirect(value: unknown): string | null {
  return typeof value === 'string' && value.startsWith('/') && !value.startsWith('//') && !value.startsWith('/\\') ? value : null;
}
