import { ApolloServerPluginCacheControlDisabled } from '@apollo/server/plugin/disabled';
import { ApolloServer, type ApolloServerPlugin } from '@apollo/server';
import { unwrapResolverError } from '@apollo/server/errors';
import { ApolloArmor } from '@escape.tech/graphql-armor';
import {
  GraphQLError,
  getVariableValues,
  Kind,
  type FragmentDefinitionNode,
  type GraphQLFormattedError,
  type GraphQLSchema,
  type ValidationRule,
} from 'graphql';
import type { FastifyBaseLogger } from 'fastify';
import type { Config } from '../config';
import type { RequestContext } from '../context/request-context';
import { isDatabaseUnavailable, RETRY_AFTER_SECONDS } from '../db/database-unavailable';
import { translate } from '../i18n/messages';
import { errors, UserFacingError } from './errors';
import { assertSignInAlone } from '../access/login-throttle';
import { checkOperationInputs } from './input-limits';
import { selectedFields } from './selected-fields';
import { MAX_QUERY_COST, operationCost } from './query-cost';
import { compiledExecution } from './compiled-execution';

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

/** The request each error arose in: Apollo does not tell formatError, and its log line names it. */
const requestOfError = new WeakMap<object, string>();

const rememberRequestOfErrors: ApolloServerPlugin<RequestContext> = {
  async requestDidStart({ contextValue }) {
    return {
      async didEncounterErrors({ errors }) {
        for (const error of errors) requestOfError.set(error, contextValue.requestId);
      },
    };
  },
};

/**
 * Keeps errors meant for people and errors about the request; anything else (a bug, a database
 * error) is logged with its request id and path, through the logger's error serializer
 * (db/error-log.ts: no SQL, parameters or key values), and answered with a generic message: no
 * stack, no SQL.
 */
export function maskErrors(logger: Pick<FastifyBaseLogger, 'error'>, production = false) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const original = unwrapResolverError(error);
    if (original instanceof UserFacingError) return { message: formatted.message, path: formatted.path, extensions: formatted.extensions };
    const where = { reqId: requestOfError.get(error as object), path: formatted.path };
    if (isDatabaseUnavailable(original)) {
      logger.error({ err: original, ...where }, 'database unavailable during a GraphQL request');
      const unavailable = errors.unavailable({ locale: 'fr' });
      return { message: unavailable.message, path: formatted.path, extensions: unavailable.extensions };
    }
    const code = formatted.extensions?.code;
    if (typeof code === 'string' && REQUEST_ERROR_CODES.has(code)) {
      // graphql-armor removes suggestions from validation errors only; variable errors carry them too.
      const message = production ? formatted.message.replace(/\s*Did you mean [^?]*\?/g, '') : formatted.message;
      return { message, locations: formatted.locations, path: formatted.path, extensions: { code } };
    }
    logger.error({ err: original, ...where }, 'unexpected error in GraphQL request');
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

/** A database out of reach answers 503 with Retry-After, as when the request's transaction cannot even open (server.ts). */
const unavailableIsTemporary: ApolloServerPlugin<RequestContext> = {
  async requestDidStart() {
    return {
      async willSendResponse({ response }) {
        if (response.body.kind !== 'single' || !response.body.singleResult.errors?.some((e) => e.extensions?.code === 'SERVICE_UNAVAILABLE')) return;
        response.http.status = 503;
        response.http.headers.set('retry-after', String(RETRY_AFTER_SECONDS));
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

/** The API answers queries and mutations over HTTP; a subscription is refused before it runs. */
const noSubscriptions: ValidationRule = (context) => ({
  OperationDefinition(node) {
    if (node.operation === 'subscription') context.reportError(new GraphQLError('Subscriptions are not supported.', { nodes: node }));
  },
});

/**
 * What the operation asks for, checked before anything runs: its cost with list sizes counted
 * (query-cost.ts) and every argument against its declared limits (input-limits.ts). Both need the
 * variables, which validation rules do not see.
 */
const checkOperation: ApolloServerPlugin<RequestContext> = {
  async requestDidStart() {
    return {
      async didResolveOperation({ schema, document, operation, request, contextValue, response }) {
        if (!operation) return;
        const variables = getVariableValues(schema, operation.variableDefinitions ?? [], request.variables ?? {});
        const rootType = schema.getRootType(operation.operation);
        // Variables that do not fit their types are reported by execution, in graphql's words.
        if (variables.errors || !rootType) return;
        const fragments = Object.fromEntries(
          document.definitions.filter((d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION).map((d) => [d.name.value, d]),
        );
        const scope = { schema, fragments, variables: variables.coerced };
        const cost = operationCost(scope, rootType, operation.selectionSet);
        if (cost > MAX_QUERY_COST) {
          response.http.status = 400;
          throw new GraphQLError(`Query cost limit of ${MAX_QUERY_COST} exceeded, found ${cost}.`, { extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } });
        }
        try {
          if (operation.operation === 'mutation') assertSignInAlone(contextValue, selectedFields(scope, rootType, operation.selectionSet));
          checkOperationInputs(contextValue, scope, rootType, operation.selectionSet);
        } catch (error) {
          // Answered like a resolver's refusal (200 with the error, not 500), which the portal shows on the form.
          response.http.status = 200;
          throw error;
        }
      },
    };
  },
};

export const GRAPHQL_LIMITS = { maxDepth: 10, maxAliases: 15, maxDirectives: 20, maxTokens: 2000 };

export async function createApollo(schema: GraphQLSchema, config: Config, logger: FastifyBaseLogger): Promise<ApolloServer<RequestContext>> {
  const armor = new ApolloArmor({
    maxDepth: { n: GRAPHQL_LIMITS.maxDepth, ignoreIntrospection: false },
    // Cost is counted by query-cost.ts, which knows list sizes.
    costLimit: { enabled: false },
    // Every alias counts, __typename's included (armor lets those through by default).
    maxAliases: { n: GRAPHQL_LIMITS.maxAliases, allowList: [] },
    maxDirectives: { n: GRAPHQL_LIMITS.maxDirectives },
    // Tokens are limited by graphql's own parser (parseOptions below): armor's plugin turns every syntax error into a 500.
    maxTokens: { enabled: false },
    blockFieldSuggestion: { enabled: config.production },
  });
  const protection = armor.protect();
  const apollo = new ApolloServer<RequestContext>({
    gateway: compiledExecution(schema),
    introspection: !config.production,
    hideSchemaDetailsFromClientErrors: config.production,
    includeStacktraceInErrorResponses: false,
    csrfPrevention: true,
    formatError: maskErrors(logger, config.production),
    // Only documents sent in full are run: a persisted-query hash is refused (PERSISTED_QUERY_NOT_SUPPORTED).
    persistedQueries: false,
    // No cache hints are used (responses are never cached): the cache-control plugin's per-field work is saved.
    plugins: [
      ...protection.plugins,
      checkOperation,
      rememberRequestOfErrors,
      rollbackOnError,
      unavailableIsTemporary,
      reportRedactions,
      ApolloServerPluginCacheControlDisabled(),
    ],
    validationRules: [...protection.validationRules, noSubscriptions],
    allowBatchedHttpRequests: false,
    parseOptions: { maxTokens: GRAPHQL_LIMITS.maxTokens },
    // Apollo's default appends a newline: a 170 KB answer then becomes a rope, which Fastify's
    // Buffer.byteLength (for content-length) copies again into one string.
    stringifyResult: (result) => JSON.stringify(result),
  });
  await apollo.start();
  return apollo;
}
