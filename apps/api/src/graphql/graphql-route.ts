import { HeaderMap, type ApolloServer } from '@apollo/server';
import type { MikroORM } from '@mikro-orm/postgresql';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Config } from '../config';
import type { RequestContext } from '../context/request-context';
import { authenticate, SESSION_COOKIE } from '../access/authenticate';
import { beginRequestTransaction, inScopedTransaction } from '../access/request-transaction';
import { pickLocale } from '../i18n/messages';

function sessionCookie(reply: FastifyReply, config: Config) {
  const options = { path: '/', httpOnly: true, sameSite: 'strict' as const, secure: config.production || config.PUBLIC_URL?.startsWith('https:') };
  return {
    set: (token: string, expiresAt: Date) => void reply.setCookie(SESSION_COOKIE, token, { ...options, expires: expiresAt }),
    clear: () => void reply.clearCookie(SESSION_COOKIE, options),
  };
}

function toHeaderMap(request: FastifyRequest): HeaderMap {
  const headers = new HeaderMap();
  for (const [name, value] of Object.entries(request.headers)) {
    if (value !== undefined) headers.set(name, Array.isArray(value) ? value.join(', ') : value);
  }
  return headers;
}

/**
 * POST/GET /graphql. Each request is one transaction, run as the application role with the
 * caller's tenant set for row-level security; it commits only if the operation raised no error.
 */
export function registerGraphqlRoute(app: FastifyInstance, orm: MikroORM, apollo: ApolloServer<RequestContext>, config: Config): void {
  app.route({
    method: ['GET', 'POST'],
    url: '/graphql',
    handler: async (request, reply) => {
      const em = orm.em.fork();
      await beginRequestTransaction(em);
      let context: RequestContext | undefined;
      let response;
      try {
        const { actor, sessionExpired } = await authenticate(em, config, request.cookies[SESSION_COOKIE]);
        const cookie = sessionCookie(reply, config);
        if (sessionExpired) cookie.clear();
        const ctx: RequestContext = {
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
        context = ctx;
        response = await apollo.executeHTTPGraphQLRequest({
          httpGraphQLRequest: {
            method: request.method.toUpperCase(),
            headers: toHeaderMap(request),
            search: new URL(request.url, 'http://localhost').search,
            body: request.body,
          },
          context: async () => ctx,
        });
        if (ctx.outcome.failed) await em.rollback();
        else await em.commit();
      } catch (error) {
        await em.rollback();
        throw error;
      }
      for (const { settings, work } of context.afterRequest) await inScopedTransaction(orm.em, settings, work);

      for (const [name, value] of response.headers) reply.header(name, value);
      reply.code(response.status ?? 200);
      if (response.body.kind !== 'complete') throw new Error('Incremental delivery is not enabled');
      return reply.send(response.body.string);
    },
  });
}
