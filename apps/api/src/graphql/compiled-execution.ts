import type { ApolloServerOptionsWithGateway } from '@apollo/server';
import { compileQuery, isCompiledQuery, type CompiledQuery } from 'graphql-jit';
import { getVariableValues, GraphQLError, isEnumType, type ExecutionResult, type GraphQLSchema } from 'graphql';

/** Operations kept compiled: the portal sends a few hundred distinct documents; anything else is compiled again when it returns. */
const COMPILED_KEPT = 500;

/**
 * graphql-jit reports errors in its own subclass, without the `extensions` graphql-js always gives
 * (Apollo reads them, formatError reads their original error): each is made a graphql-js error
 * again, with the same message, place, path, original error and extensions.
 */
function asGraphqlError(error: GraphQLError): GraphQLError {
  const { message, locations, path, originalError, extensions } = error;
  return Object.assign(new GraphQLError(message, { path, originalError, extensions }), { locations });
}

function withGraphqlErrors(result: ExecutionResult): ExecutionResult {
  return result.errors ? { ...result, errors: result.errors.map(asGraphqlError) } : result;
}

/**
 * An enum value coerced by graphql-js is its internal value, which graphql-jit coerces again by
 * name: the two must be the same, as they are for every enum the schema declares today.
 */
function assertEnumsNamedByValue(schema: GraphQLSchema): void {
  for (const type of Object.values(schema.getTypeMap()))
    if (isEnumType(type))
      for (const value of type.getValues())
        if (value.value !== value.name)
          throw new Error(`${type.name}.${value.name} has the internal value ${String(value.value)}: variables would not coerce twice`);
}

/**
 * Executes each operation with graphql-jit: the document is compiled once into a function that
 * reads plain fields as properties and calls resolvers (the access guard's included, see
 * access/operation-access.ts) only where the schema has one. graphql-js executes a list of 70
 * people with 10 stages as ~10,000 field calls, each with its own info, arguments and promise
 * checks; the compiled function does the same work without them.
 *
 * Apollo Server still parses, validates, runs every plugin and formats errors; this replaces
 * execution only, through the one hook Apollo gives for it (its gateway interface).
 */
export function compiledExecution(schema: GraphQLSchema): ApolloServerOptionsWithGateway<object>['gateway'] {
  assertEnumsNamedByValue(schema);
  // Least recently used first: a Map keeps insertion order, and a hit is moved to the end.
  const compiled = new Map<string, CompiledQuery | ExecutionResult>();
  const compiledFor = (key: string, compile: () => CompiledQuery | ExecutionResult) => {
    let entry = compiled.get(key);
    if (entry) compiled.delete(key);
    else entry = compile();
    compiled.set(key, entry);
    if (compiled.size > COMPILED_KEPT) compiled.delete(compiled.keys().next().value!);
    return entry;
  };
  return {
    onSchemaLoadOrUpdate(callback) {
      callback({ apiSchema: schema, coreSupergraphSdl: '' });
      return () => {};
    },
    async load() {
      return {
        executor: async ({ document, operation, request, queryHash, context }) => {
          // Variables are coerced by graphql-js, as before: graphql-jit leaves out the defaults of
          // input fields (`inviteeUserIds: [ID!]! = []` is refused as missing). It then reads the
          // coerced values, which coerce to themselves (assertEnumsNamedByValue).
          const variables = getVariableValues(schema, operation.variableDefinitions ?? [], request.variables ?? {});
          if (variables.errors) return { errors: variables.errors };
          const operationName = request.operationName ?? undefined;
          const query = compiledFor(`${queryHash}:${operationName ?? ''}`, () => compileQuery(schema, document, operationName));
          if (!isCompiledQuery(query)) return withGraphqlErrors(query);
          return withGraphqlErrors(await query.query(undefined, context, variables.coerced));
        },
      };
    },
    async stop() {},
  };
}
