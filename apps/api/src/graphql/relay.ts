import { Field, ID, Int, InterfaceType, ObjectType, type ClassType } from 'type-graphql';
import { UserFacingError } from './errors';

/** Relay global ids: "Type:uuid" in base64url, so an id names its type and cannot be mistaken. */
export function toGlobalId(type: string, id: string): string {
  return Buffer.from(`${type}:${id}`).toString('base64url');
}

export const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** The uuid inside a global id, or null when the id is malformed or names another type. */
export function parseGlobalId(globalId: string, expectedType?: string): { type: string; id: string } | null {
  const decoded = Buffer.from(globalId, 'base64url').toString('utf8');
  const separator = decoded.indexOf(':');
  if (separator < 0) return null;
  const type = decoded.slice(0, separator);
  const id = decoded.slice(separator + 1);
  if (!UUID.test(id) || (expectedType && type !== expectedType)) return null;
  return { type, id };
}

@InterfaceType('Node', { resolveType: (value: { __typename?: string }) => value.__typename })
export abstract class Node {
  @Field(() => ID, { description: 'Global id' })
  id!: string;
}

@ObjectType()
export class PageInfo {
  @Field()
  hasNextPage!: boolean;

  @Field(() => String, { nullable: true })
  endCursor!: string | null;
}

export interface Page<T> {
  nodes: T[];
  hasNextPage: boolean;
  endCursor: string | null;
  totalCount: number;
}

/** A Relay connection type for a node type: edges with cursors, pageInfo and the total. */
export function Connection<T extends object>(nodeType: ClassType<T>, name: string) {
  @ObjectType(`${name}Edge`)
  class Edge {
    @Field()
    cursor!: string;

    @Field(() => nodeType)
    node!: T;
  }

  // Never referenced itself (only its subclass is), so it stays out of the schema.
  @ObjectType(`${name}ConnectionBase`)
  abstract class ConnectionType {
    @Field(() => [Edge])
    edges!: Edge[];

    @Field(() => PageInfo)
    pageInfo!: PageInfo;

    @Field(() => Int)
    totalCount!: number;
  }
  return ConnectionType;
}

/** A page of entities as a connection: `nodes` are their GraphQL views, in the same order. */
export function toConnection<E, N>(page: Page<E>, cursorOf: (entity: E) => string, nodes: N[]) {
  return {
    edges: page.nodes.map((entity, i) => ({ node: nodes[i]!, cursor: cursorOf(entity) })),
    pageInfo: { hasNextPage: page.hasNextPage, endCursor: page.endCursor },
    totalCount: page.totalCount,
  };
}

/** Cursors carry the sort key and id of the last row seen (keyset pagination, stable under inserts). */
export function encodeCursor(key: string, id: string): string {
  return Buffer.from(JSON.stringify([key, id])).toString('base64url');
}

/** The key and id a cursor holds; what they may be depends on the list, which checks them (pagination.ts). */
export function decodeCursor(cursor: string, invalid: () => UserFacingError): { key: string; id: string } {
  try {
    const values: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (Array.isArray(values) && values.length === 2 && typeof values[0] === 'string' && typeof values[1] === 'string') {
      return { key: values[0], id: values[1] };
    }
  } catch {
    // fall through: a cursor the client made up
  }
  throw invalid();
}
