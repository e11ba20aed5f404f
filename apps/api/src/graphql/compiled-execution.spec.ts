import { describe, expect, it } from 'vitest';
import { execute, GraphQLEnumType, GraphQLInt, GraphQLList, GraphQLNonNull, GraphQLObjectType, GraphQLSchema, GraphQLString, parse } from 'graphql';
import { compileQuery, isCompiledQuery } from 'graphql-jit';
import { compiledExecution } from './compiled-execution';

const schemaWith = (values: Record<string, { value: string }>) =>
  new GraphQLSchema({
    query: new GraphQLObjectType({
      name: 'Query',
      fields: { status: { type: new GraphQLEnumType({ name: 'Status', values }), args: { of: { type: GraphQLString } } } },
    }),
  });

describe('compiled execution', () => {
  it('refuses, at start, an enum whose internal values are not its names: its variables would not coerce twice', () => {
    expect(() => compiledExecution(schemaWith({ OPEN: { value: 'open' } }))).toThrow('Status.OPEN has the internal value open');
    expect(() => compiledExecution(schemaWith({ OPEN: { value: 'OPEN' } }))).not.toThrow();
  });

  // graphql-jit is patched (patches/graphql-jit@0.8.9.patch) to check and serialize a leaf without
  // building its error's path on every call: the errors must stay graphql-js's, paths included.
  it('reports a leaf that cannot be shown as graphql-js does, at the same path', async () => {
    const status = new GraphQLEnumType({ name: 'Step', values: { OPEN: { value: 'OPEN' } } });
    const stage = new GraphQLObjectType({
      name: 'Stage',
      fields: {
        name: { type: new GraphQLNonNull(GraphQLString) },
        step: { type: status },
        hours: { type: GraphQLInt },
        note: { type: GraphQLString },
      },
    });
    const person = new GraphQLObjectType({ name: 'Person', fields: { stages: { type: new GraphQLList(stage) } } });
    const rows = [
      { stages: [{ name: 'kept', step: 'OPEN', hours: 3, note: null }] },
      { stages: [{ name: null }, { name: 'x', step: 'CLOSED', hours: 'many', note: new Error('not for you') }] },
    ];
    const schema = new GraphQLSchema({
      query: new GraphQLObjectType({ name: 'Query', fields: { people: { type: new GraphQLList(person), resolve: () => rows } } }),
    });
    const document = parse('{ people { stages { name step hours note } } }');
    const compiled = compileQuery(schema, document);
    if (!isCompiledQuery(compiled)) throw new Error('not compiled');
    const asJit = JSON.parse(JSON.stringify(await compiled.query(undefined, {}, {})));
    const asGraphqlJs = JSON.parse(JSON.stringify(await execute({ schema, document })));
    expect(asJit.data).toEqual(asGraphqlJs.data);
    const byPath = (errors: Array<{ message: string; path: unknown[] }>) =>
      [...errors].sort((a, b) => JSON.stringify(a.path).localeCompare(JSON.stringify(b.path)));
    expect(byPath(asJit.errors).map(({ message, path }) => ({ message, path }))).toEqual(
      byPath(asGraphqlJs.errors).map(({ message, path }) => ({ message, path })),
    );
    expect(asJit.errors).toHaveLength(4);
  });
});
