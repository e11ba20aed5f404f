import { ApolloServerPluginCacheControlDisabled } from '@apollo/server/plugin/disabled';
import { ApolloServer, type ApolloServerPlugin } from '@apollo/server';
import { unwrapResolverError } from '@apollo/server/errors';
import { ApolloArmor } from '@escape.tech/graphql-armor';
import type { GraphQLFormattedError, GraphQLSchema } from 'graphql';
import type { FastifyBaseLogger } from 'fastify';
import type { Config } from '../config';
import type { RequestContext } from '../context/request-context';
import { translate } from '../i18n/messages';
import { UserFacingError } from './errors';

/** Codes Apollo and graphql-armor raise about the request itself: safe to show as they are. */
const REQUEST_ERROR_CODES = new Set([
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_USER_INPUT',
  'BAD_REQUEST',
  'OPERATION_RESOLUTION_FAILURE',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
]);

/**
 * Keeps errors meant for people and errors about the request; anything else (a bug, a database
 * error) is logged in full and answered with a generic message: no stack, no SQL.
 */
export function maskErrors(logger: Pick<FastifyBaseLogger, 'error'>) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const original = unwrapResolverError(error);
    if (original instanceof UserFacingError) return { message: formatted.message, path: formatted.path, extensions: formatted.extensions };
    const code = formatted.extensions?.code;
    if (typeof code === 'string' && REQUEST_ERROR_CODES.has(code)) {
      return { message: formatted.message, locations: formatted.locations, path: formatted.path, extensions: { code } };
    }
    logger.error({ err: original, path: formatted.path }, 'unexpected error in GraphQL request');
    return { message: translate('fr', 'error.internal'), path: formatted.path, extensions: { code: 'INTERNAL_SERVER_ERROR' } };
  };
}

/** Marks the request failed so its transaction rolls back: a failed mutation writes nothing. */
const rollbackOnError: ApolloServerPlugin<RequestContext> = {
  async requestDidStart() {
    return {
      async didEncounterErrors({ contextValue }) {
        contextValue.outcome.failed = true;
      },
    };
  },
};

/** Tells the client which fields were withheld (by path and data class), so the portal can say "not shared". */
const reportRedactions: ApolloServerPlugin<RequestContext> = {
  async requestDidStart() {
    return {
      async willSendResponse({ contextValue, response }) {
        if (contextValue.redactions.length === 0 || response.body.kind !== 'single') return;
        response.body.singleResult.extensions = { ...response.body.singleResult.extensions, redacted: contextValue.redactions };
      },
    };
  },
};

export const GRAPHQL_LIMITS = { maxDepth: 10, maxCost: 5000, maxAliases: 15, maxDirectives: 20, maxTokens: 2000 };

export async function createApollo(schema: GraphQLSchema, config: Config, logger: FastifyBaseLogger): Promise<ApolloServer<RequestContext>> {
  const armor = new ApolloArmor({
    maxDepth: { n: GRAPHQL_LIMITS.maxDepth, ignoreIntrospection: false },
    costLimit: { maxCost: GRAPHQL_LIMITS.maxCost },
    maxAliases: { n: GRAPHQL_LIMITS.maxAliases },
    maxDirectives: { n: GRAPHQL_LIMITS.maxDirectives },
    // Tokens are limited by graphql's own parser (parseOptions below): armor's plugin turns every syntax error into a 500.
    maxTokens: { enabled: false },
    blockFieldSuggestion: { enabled: config.production },
  });
  const protection = armor.protect();
  const apollo = new ApolloServer<RequestContext>({
    schema,
    introspection: !config.production,
    hideSchemaDetailsFromClientErrors: config.production,
    includeStacktraceInErrorResponses: false,
    csrfPrevention: true,
    formatError: maskErrors(logger),
    // No cache hints are used (responses are never cached): the cache-control plugin's per-field work is saved.
    plugins: [...protection.plugins, rollbackOnError, reportRedactions, ApolloServerPluginCacheControlDisabled()],
    validationRules: protection.validationRules,
    allowBatchedHttpRequests: false,
    parseOptions: { maxTokens: GRAPHQL_LIMITS.maxTokens },
  });
  await apollo.start();
  return apollo;
}
