import type { MikroORM } from '@mikro-orm/postgresql';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Config } from '../config';
import { authenticate, SESSION_COOKIE } from '../access/authenticate';
import { beginRequestTransaction, inScopedTransaction } from '../access/request-transaction';
import { pickLocale } from '../i18n/messages';
import type { RequestContext } from './request-context';

function sessionCookie(reply: FastifyReply, config: Config) {
  const options = { path: '/', httpOnly: true, sameSite: 'strict' as const, secure: config.production || config.PUBLIC_URL?.startsWith('https:') };
  return {
    set: (token: string, expiresAt: Date) => void reply.setCookie(SESSION_COOKIE, token, { ...options, expires: expiresAt }),
    clear: () => void reply.clearCookie(SESSION_COOKIE, options),
  };
}

/**
 * Runs one HTTP request's work in its own transaction, as the application role, with the
 * caller authenticated from the session cookie and the tenant set for row-level security. The
 * transaction commits only if the work did not mark the request failed; writes queued in
 * `afterRequest` persist either way.
 */
export async function inRequestScope<T>(
  orm: MikroORM,
  config: Config,
  request: FastifyRequest,
  reply: FastifyReply,
  work: (ctx: RequestContext) => Promise<T>,
): Promise<T> {
  const em = orm.em.fork();
  await beginRequestTransaction(em);
  let ctx: RequestContext | undefined;
  let result: T;
  try {
    const { actor, sessionExpired } = await authenticate(em, config, request.cookies[SESSION_COOKIE]);
    const cookie = sessionCookie(reply, config);
    if (sessionExpired) cookie.clear();
    ctx = {
      requestId: request.id,
      config,
      em,
      locale: pickLocale(request.headers['accept-language']),
      ip: request.ip,
      origin: `${request.protocol}://${request.host}`,
      userAgent: request.headers['user-agent'] ?? null,
      actor,
      sessionExpired,
      cookie,
      afterRequest: [],
      outcome: { failed: false },
    };
    result = await work(ctx);
    if (ctx.outcome.failed) await em.rollback();
    else await em.commit();
  } catch (error) {
    await em.rollback();
    throw error;
  }
  for (const { settings, work: later } of ctx.afterRequest) await inScopedTransaction(orm.em, settings, later);
  return result;
}
