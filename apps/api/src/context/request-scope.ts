import type { MikroORM } from '@mikro-orm/postgresql';
import { recordPartnerReads } from '../access/access-log';
import { ConsentScope } from '../access/consent-scope';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Config } from '../config';
import { authenticate, SESSION_COOKIE } from '../access/authenticate';
import { beginRequestTransaction, inScopedTransaction, rollbackAfter, type RlsSettings } from '../access/request-transaction';
import { pickLocale } from '../i18n/messages';
import type { RequestContext } from './request-context';

function sessionCookie(reply: FastifyReply, config: Config) {
  const options = { path: '/', httpOnly: true, sameSite: 'strict' as const, secure: config.production || config.PUBLIC_URL?.startsWith('https:') };
  return {
    set: (token: string, expiresAt: Date) => void reply.setCookie(SESSION_COOKIE, token, { ...options, expires: expiresAt }),
    clear: () => void reply.clearCookie(SESSION_COOKIE, options),
  };
}

/** What every request is run with; the clock is replaceable so tests can move time. */
export interface RequestScopeDeps {
  orm: MikroORM;
  config: Config;
  clock: () => Date;
}

/**
 * Runs one HTTP request's work in its own transaction, as the application role, with the
 * caller authenticated from the session cookie and the tenant set for row-level security. The
 * transaction commits only if the work did not mark the request failed; writes queued in
 * `afterRequest` persist either way.
 */
export async function inRequestScope<T>(
  { orm, config, clock }: RequestScopeDeps,
  request: FastifyRequest,
  reply: FastifyReply,
  work: (ctx: RequestContext) => Promise<T>,
): Promise<T> {
  const em = orm.em.fork();
  let ctx: RequestContext | undefined;
  let result: T;
  try {
    await beginRequestTransaction(em);
    const now = clock();
    const { actor, sessionExpired } = await authenticate(em, config, request.cookies[SESSION_COOKIE], now);
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
      now,
      consent: ConsentScope.forRequest(em, actor, now),
      redactions: [],
      loaders: new Map(),
    };
    result = await work(ctx);
    if (ctx.outcome.failed) {
      await em.rollback();
      // What the partner read before the failure was still read: log it in a transaction of its own.
      const failed = ctx;
      if (failed.consent.reads.size > 0) failed.afterRequest.push({ settings: rlsSettingsOf(failed), work: (logEm) => recordPartnerReads(logEm, failed) });
    } else {
      await recordPartnerReads(em, ctx);
      await em.commit();
    }
  } catch (error) {
    await rollbackAfter(em);
    throw error;
  }
  for (const { settings, work: later } of ctx.afterRequest) await inScopedTransaction(orm.em, settings, later);
  return result;
}

function rlsSettingsOf(ctx: RequestContext): RlsSettings {
  const membership = ctx.actor?.membership;
  return { tenantId: membership?.tenantId, userId: ctx.actor?.userId, organisationId: membership?.organisationId, staff: false, now: ctx.now };
}
