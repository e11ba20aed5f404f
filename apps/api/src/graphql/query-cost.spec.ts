import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ApolloArmor } from '@escape.tech/graphql-armor';
import {
  Kind,
  parse,
  specifiedRules,
  validate,
  type DocumentNode,
  type FragmentDefinitionNode,
  type GraphQLSchema,
  type OperationDefinitionNode,
} from 'graphql';
import { GRAPHQL_LIMITS } from './apollo';
import { MAX_QUERY_COST, operationCost } from './query-cost';
import { getSchema } from './schema';

const PORTAL = path.resolve(__dirname, '../../../portal/src');

function graphqlFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return graphqlFiles(full);
    return entry.name.endsWith('.graphql') ? [full] : [];
  });
}

function costOf(schema: GraphQLSchema, document: DocumentNode, fragments: Record<string, FragmentDefinitionNode>, variables: Record<string, unknown> = {}) {
  const operation = document.definitions.find((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION)!;
  return operationCost({ schema, fragments, variables }, schema.getRootType(operation.operation)!, operation.selectionSet);
}

describe('query cost', () => {
  it('multiplies by the page size asked for, nested lists included', async () => {
    const schema = await getSchema();
    const page = (first: number) => parse(`{ participants(page: { first: ${first} }) { totalCount edges { node { id stages { id } } } } }`);
    // participants, totalCount, edges: once; node, id, stages: once per item; stages' id: ten per item.
    expect(costOf(schema, page(10), {})).toBe(3 + 10 * 3 + 10 * 10);
    expect(costOf(schema, page(100), {})).toBe(3 + 100 * 3 + 100 * 10);
    // Absent, the default page size; beyond the maximum, the maximum (as the resolver clamps).
    expect(costOf(schema, parse(`{ participants { edges { node { id } } } }`), {})).toBe(2 + 50 * 2);
    expect(costOf(schema, page(10_000), {})).toBe(costOf(schema, page(100), {}));
  });

  it('reads the page size from the variables', async () => {
    const schema = await getSchema();
    const document = parse(`query($page: PageArgs) { participants(page: $page) { edges { node { id } } } }`);
    expect(costOf(schema, document, {}, { page: { first: 100 } })).toBe(2 + 100 * 2);
  });

  it('lets every operation of the portal through', async () => {
    const schema = await getSchema();
    const documents = graphqlFiles(PORTAL).map((file) => ({ file, document: parse(fs.readFileSync(file, 'utf8')) }));
    expect(documents.length).toBeGreaterThan(50);
    const fragments = Object.fromEntries(
      documents
        .flatMap(({ document }) => document.definitions.filter((d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION))
        .map((d) => [d.name.value, d]),
    );
    // The depth the API allows, counted as it counts it (a fragment spread is a level).
    const depth = new ApolloArmor({
      maxDepth: { n: GRAPHQL_LIMITS.maxDepth, ignoreIntrospection: false },
      costLimit: { enabled: false },
      maxAliases: { enabled: false },
      maxDirectives: { enabled: false },
      maxTokens: { enabled: false },
      blockFieldSuggestion: { enabled: false },
    }).protect().validationRules;
    const costs = documents
      .filter(({ document }) => document.definitions.some((d) => d.kind === Kind.OPERATION_DEFINITION))
      .map(({ file, document }) => {
        const used = { ...document, definitions: [...document.definitions, ...Object.values(fragments).filter((f) => !document.definitions.includes(f))] };
        expect(validate(schema, used, [...specifiedRules, ...depth]).filter((e) => !/Fragment .* is never used/.test(e.message))).toEqual([]);
        // The largest page the portal may ask for.
        return { file: path.relative(PORTAL, file), cost: costOf(schema, document, fragments, { page: { first: 100 } }) };
      });
    const over = costs.filter(({ cost }) => cost > MAX_QUERY_COST);
    expect(over).toEqual([]);
  });
});
