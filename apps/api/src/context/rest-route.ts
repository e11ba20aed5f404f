import type { FastifyReply, FastifyRequest } from 'fastify';
import { mayCallIn, type AccessRule } from '../access/operation-access';
import { errors, UserFacingError } from '../graphql/errors';
import type { RequestContext } from './request-context';
import { inRequestScope, type RequestScopeDeps } from './request-scope';

const HTTP_STATUS: Record<string, number> = { BAD_USER_INPUT: 400, UNAUTHENTICATED: 401, FORBIDDEN: 403, NOT_FOUND: 404, CONFLICT: 409, RATE_LIMITED: 429 };

/**
 * A non-GraphQL route (files: calendar, PDF, uploads) under the same session, rules, transaction
 * and errors as GraphQL: `work` runs when the viewer holds one of `rules`; a person-facing error
 * becomes the matching HTTP status with `{ error, code, field }` and rolls the request back.
 */
export async function inRestScope<T>(
  deps: RequestScopeDeps,
  request: FastifyRequest,
  reply: FastifyReply,
  rule: AccessRule,
  work: (ctx: RequestContext) => Promise<T>,
): Promise<{ ok: true; value: T } | { ok: false }> {
  const outcome = await inRequestScope(deps, request, reply, async (ctx) => {
    try {
      if (!mayCallIn(rule, ctx)) throw ctx.actor ? errors.forbidden(ctx) : errors.unauthenticated(ctx, 'NOT_LOGGED_IN');
      return { ok: true as const, value: await work(ctx) };
    } catch (error) {
      if (!(error instanceof UserFacingError)) throw error;
      ctx.outcome.failed = true;
      return { ok: false as const, error };
    }
  });
  if (outcome.ok) return outcome;
  const { code, field } = outcome.error.extensions as { code: string; field?: string };
  await reply
    .code(HTTP_STATUS[code] ?? 400)
    .header('cache-control', 'no-store')
    .send({ error: outcome.error.message, code, ...(field ? { field } : {}) });
  return { ok: false };
}
