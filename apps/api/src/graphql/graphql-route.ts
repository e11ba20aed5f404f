import { HeaderMap, type ApolloServer } from '@apollo/server';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { RequestContext } from '../context/request-context';
import { inRequestScope, type RequestScopeDeps } from '../context/request-scope';

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
export function registerGraphqlRoute(app: FastifyInstance, deps: RequestScopeDeps, apollo: ApolloServer<RequestContext>): void {
  app.route({
    method: ['GET', 'POST'],
    url: '/graphql',
    handler: async (request, reply) => {
      const response = await inRequestScope(deps, request, reply, (ctx) =>
        apollo.executeHTTPGraphQLRequest({
          httpGraphQLRequest: {
            method: request.method.toUpperCase(),
            headers: toHeaderMap(request),
            search: new URL(request.url, 'http://localhost').search,
            body: request.body,
          },
          context: async () => ctx,
        }),
      );
      for (const [name, value] of response.headers) reply.header(name, value);
      reply.code(response.status ?? 200);
      if (response.body.kind !== 'complete') throw new Error('Incremental delivery is not enabled');
      // As bytes: handed a string, Node's socket encodes it into a fresh native buffer on every
      // write, and for a list of 170 KB that cost more than the copy here (issue 15, bench README).
      return reply.send(Buffer.from(response.body.string));
    },
  });
}
