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
