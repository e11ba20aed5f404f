import { Field, InputType, Int } from 'type-graphql';

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

/**
 * Newest-first keyset pagination on a sortable key and the id: the condition for the rows after
 * a cursor, and the page it returns. One query for the page (plus one for the total).
 */
export function afterDescending<K extends string>(keyField: K, after: { key: string; id: string } | null): Record<string, unknown> {
  return after ? { $or: [{ [keyField]: { $lt: after.key } }, { [keyField]: after.key, id: { $lt: after.id } }] } : {};
}
