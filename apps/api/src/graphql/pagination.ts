import type { EntityName, FilterQuery, FindOptions, Loaded } from '@mikro-orm/postgresql';
import { Field, InputType, Int } from 'type-graphql';
import type { RequestContext } from '../context/request-context';
import { errors } from './errors';
import { decodeCursor, encodeCursor, UUID, type Page } from './relay';

export const MAX_PAGE_SIZE = 100;

@InputType({ description: 'Forward pagination: up to `first` items after the `after` cursor' })
export class PageArgs {
  @Field(() => Int, { nullable: true, defaultValue: 50 })
  first!: number;

  @Field(() => String, { nullable: true })
  after?: string | null;
}

/** Clamps the page size; asking for 0 or a negative count gets one page of the default size. */
export function pageSize(args: PageArgs | undefined): number {
  const first = args?.first ?? 50;
  return first < 1 ? 50 : Math.min(first, MAX_PAGE_SIZE);
}

export type Cursor = { key: string; id: string };

/**
 * What a list sorts on, so that a forged cursor's key is refused before it reaches SQL. Rows are
 * told apart by their uuid, except in a list sorted on a sequence number (the access log): that
 * number is the row's id, and the cursor holds it as both key and id.
 */
export type CursorKey = 'timestamp' | 'date' | 'text' | 'sequence';

const SEQUENCE = /^\d{1,18}$/;

const VALID_KEY: Record<CursorKey, (key: string) => boolean> = {
  // Keys are written by toISOString(): anything else was not written by the API.
  timestamp: (key) => /^\d{4}-\d{2}-\d{2}T[\d:.]+Z$/.test(key) && !Number.isNaN(Date.parse(key)) && new Date(key).toISOString() === key,
  date: (key) => /^\d{4}-\d{2}-\d{2}$/.test(key) && !Number.isNaN(Date.parse(key)) && new Date(key).toISOString().startsWith(key),
  text: (key) => !key.includes('\u0000'),
  sequence: (key) => SEQUENCE.test(key),
};

/** The `after` cursor decoded; a made-up one is the caller's mistake, on `after`. */
export function pageCursor(ctx: RequestContext, args: PageArgs | undefined, key: CursorKey): Cursor | null {
  if (!args?.after) return null;
  const invalid = () => errors.badInput(ctx, 'after', 'error.invalidId');
  const cursor = decodeCursor(args.after, invalid);
  const validId = key === 'sequence' ? cursor.id === cursor.key : UUID.test(cursor.id);
  if (!VALID_KEY[key](cursor.key) || !validId) throw invalid();
  return cursor;
}

/**
 * One page of a keyset-paginated list sorted on a `key` of that kind: `fetch` reads up to `limit` rows after the cursor (one
 * query), `count` the total (another).
 */
export async function pageOf<T>(
  ctx: RequestContext,
  args: PageArgs | undefined,
  list: { key: CursorKey; fetch: (after: Cursor | null, limit: number) => Promise<T[]>; count: () => Promise<number>; cursorOf: (row: T) => string },
): Promise<Page<T>> {
  const first = pageSize(args);
  const after = pageCursor(ctx, args, list.key);
  // One after the other: the request's queries share one connection (its transaction).
  const rows = await list.fetch(after, first + 1);
  const totalCount = await list.count();
  const nodes = rows.slice(0, first);
  return { nodes, totalCount, hasNextPage: rows.length > first, endCursor: nodes.length ? list.cursorOf(nodes.at(-1)!) : null };
}

/** Rows after a cursor in ascending (key, id) order. */
export function afterAscending<K extends string>(keyField: K, after: Cursor | null): Record<string, unknown> {
  return after ? { $or: [{ [keyField]: { $gt: after.key } }, { [keyField]: after.key, id: { $gt: after.id } }] } : {};
}

/** Rows after a cursor in newest-first (key, id) order. */
export function afterDescending<K extends string>(keyField: K, after: Cursor | null): Record<string, unknown> {
  return after ? { $or: [{ [keyField]: { $lt: after.key } }, { [keyField]: after.key, id: { $lt: after.id } }] } : {};
}

/** Where a row sits in a newest-first list: its creation instant, then its id. */
export function newestFirstCursor(row: { createdAt: Date; id: string }): string {
  return encodeCursor(row.createdAt.toISOString(), row.id);
}

/** One page of a table's rows newest first (creation instant, then id), counted over the same filter. */
export function newestFirstPage<T extends { createdAt: Date; id: string }, P extends string = never>(
  ctx: RequestContext,
  entity: EntityName<T>,
  where: FilterQuery<T>,
  args: PageArgs | undefined,
  populate?: FindOptions<T, P>['populate'],
): Promise<Page<Loaded<T, P>>> {
  return pageOf(ctx, args, {
    key: 'timestamp',
    fetch: (after, limit) =>
      ctx.em.find(entity, { $and: [where, afterDescending('createdAt', after)] } as FilterQuery<T>, {
        orderBy: { createdAt: 'desc', id: 'desc' } as FindOptions<T, P>['orderBy'],
        limit,
        populate,
      }),
    count: () => ctx.em.count(entity, where),
    cursorOf: newestFirstCursor,
  });
}
