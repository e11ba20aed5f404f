import type { MikroORM } from '@mikro-orm/postgresql';
import { partnerReadsAppend } from '../access/access-log';
import { ConsentScope } from '../access/consent-scope';
import type { KeptPartnerConsents } from '../access/partner-consents';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Config } from '../config';
import { authenticateRequest, SESSION_COOKIE } from '../access/authenticate';
import { PARTICIPANT_SESSION_COOKIE } from '../access/participant-session';
import { inScopedTransaction, rollbackAfter } from '../access/request-transaction';
import { endTransactionThen } from '../db/end-transaction';
import { pickLocale } from '../i18n/messages';
import type { RequestContext } from './request-context';

function sessionCookie(reply: FastifyReply, config: Config, name = SESSION_COOKIE) {
  const options = { path: '/', httpOnly: true, sameSite: 'strict' as const, secure: config.production || config.PUBLIC_URL?.startsWith('https:') };
  return {
    set: (token: string, expiresAt: Date) => void reply.setCookie(name, token, { ...options, expires: expiresAt }),
    clear: () => void reply.clearCookie(name, options),
  };
}

/** What every request is run with; the clock is replaceable so tests can move time. */
export interface RequestScopeDeps {
  orm: MikroORM;
  config: Config;
  clock: () => Date;
  /** Partners' consents, kept between requests while they do not change. */
  keptConsents: KeptPartnerConsents;
}

/**
 * Runs one HTTP request's work in its own transaction, as the application role, with the
 * caller authenticated from the session cookie and the tenant set for row-level security. The
 * transaction commits only if the work did not mark the request failed (or asked to keep its
 * writes on failure: a failed sign-in's count); writes queued in `afterRequest` persist either way.
 */
export async function inRequestScope<T>(
  { orm, config, clock, keptConsents }: RequestScopeDeps,
  request: FastifyRequest,
  reply: FastifyReply,
  work: (ctx: RequestContext) => Promise<T>,
): Promise<T> {
  const em = orm.em.fork();
  let ctx: RequestContext | undefined;
  let result: T;
  try {
    const now = clock();
    const { actor, sessionExpired, participant, participantSessionExpired, partnerConsents } = await authenticateRequest(
      em,
      config,
      { session: request.cookies[SESSION_COOKIE], participantSession: request.cookies[PARTICIPANT_SESSION_COOKIE] },
      now,
      keptConsents,
    );
    const cookie = sessionCookie(reply, config);
    if (sessionExpired) cookie.clear();
    const participantCookie = sessionCookie(reply, config, PARTICIPANT_SESSION_COOKIE);
    if (participantSessionExpired) participantCookie.clear();
    ctx = {
      requestId: request.id,
      config,
      em,
      locale: pickLocale(request.headers['accept-language']),
      ip: request.ip,
      origin: `${request.protocol}://${request.host}`,
      userAgent: request.headers['user-agent'] ?? null,
      actor,
      participant,
      sessionExpired: sessionExpired || participantSessionExpired,
      cookie,
      participantCookie,
      afterRequest: [],
      outcome: { failed: false },
      now,
      consent: ConsentScope.forRequest(em, actor, now, partnerConsents),
      redactions: [],
      loaders: new Map(),
    };
    result = await work(ctx);
    // What the partner read is logged once the transaction is over, committed or not (a failed
    // request's reads were still read), in a statement of its own sent in the same round trip as
    // the COMMIT (or ROLLBACK): the log's per-tenant lock is held for that statement only, not
    // until a COMMIT sent after the rest of the request. If it fails, the request fails: the
    // answer leaves only once its reads are logged.
    const end = ctx.outcome.failed && !ctx.outcome.keepOnFailure ? 'rollback' : 'commit';
    await endTransactionThen(em, end, partnerReadsAppend(ctx));
  } catch (error) {
    await rollbackAfter(em);
    throw error;
  }
  for (const { settings, work: later } of ctx.afterRequest) await inScopedTransaction(orm.em, settings, later);
  return result;
}
