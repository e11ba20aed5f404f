import { getNullableType, isListType, type GraphQLCompositeType, type SelectionSetNode } from 'graphql';
import { pageSize, type PageArgs } from './pagination';
import { selectedFields, type OperationScope, type SelectedField } from './selected-fields';

/**
 * What an operation costs to answer: each field it selects counts once for every time it is
 * resolved. A connection resolves its edges once per item of the page asked for (`page.first`,
 * the default page size when absent), a list with a `first` argument that many times, any other
 * list is assumed to hold UNSIZED_LIST items; nested lists multiply. graphql-armor's cost limit
 * has no notion of list sizes, so 14 aliases of a page of 100 with nested lists passed it.
 */
export const MAX_QUERY_COST = 20_000;
export const UNSIZED_LIST = 10;

/** How many times the field's items are resolved, and the page size its edges will have. */
function sizeOf(field: SelectedField, parentType: GraphQLCompositeType, parentPage: number): { items: number; page: number } {
  if (!field.definition) return { items: 1, page: 1 };
  if (field.definition.args.some((arg) => arg.name === 'page')) return { items: 1, page: pageSize(field.args.page as PageArgs | undefined) };
  if (typeof field.args.first === 'number') return { items: Math.max(field.args.first, 1), page: 1 };
  if (!isListType(getNullableType(field.definition.type))) return { items: 1, page: 1 };
  return { items: parentType.name.endsWith('Connection') ? parentPage : UNSIZED_LIST, page: 1 };
}

function selectionCost(scope: OperationScope, type: GraphQLCompositeType, selectionSet: SelectionSetNode, times: number, page: number): number {
  let cost = 0;
  for (const field of selectedFields(scope, type, selectionSet)) {
    cost += times;
    if (!field.selections) continue;
    const size = sizeOf(field, type, page);
    cost += selectionCost(scope, field.selections.type, field.selections.selectionSet, times * size.items, size.page);
  }
  return cost;
}

export function operationCost(scope: OperationScope, rootType: GraphQLCompositeType, selectionSet: SelectionSetNode): number {
  return selectionCost(scope, rootType, selectionSet, 1, 1);
}
