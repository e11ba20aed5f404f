import { describe, expect, it } from 'vitest';
import { GraphQLEnumType, GraphQLObjectType, GraphQLSchema, GraphQLString } from 'graphql';
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
});
