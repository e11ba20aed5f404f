import { computed, type Ref } from 'vue';
import type { OperationVariables, TypedDocumentNode } from '@apollo/client';
import type { ListExportRequest } from './use-list-export';
import { useQuery } from './use-query';

interface ConnectionLike {
  edges: ReadonlyArray<{ node: unknown }>;
  pageInfo: { hasNextPage: boolean; endCursor?: string | null };
  totalCount: number;
}

type NodeOf<C> = C extends { edges: ReadonlyArray<{ node: infer N }> } ? N : never;

/**
 * A cursor-paginated list (a Relay connection at `field`) as Vue refs: its nodes, its total, and
 * `loadMore` appending the next page after the last cursor (« Afficher plus »).
 */
export function useConnectionQuery<TData extends { [F in K]: ConnectionLike }, TVariables extends OperationVariables, K extends keyof TData & string>(
  document: TypedDocumentNode<TData, TVariables>,
  variables: () => Omit<TVariables, 'page'>,
  field: K,
  pageSize = 25,
) {
  const query = useQuery(document, () => ({ ...variables(), page: { first: pageSize } }) as unknown as TVariables);
  const connection = computed(() => query.data.value?.[field]);
  const nodes = computed(() => (connection.value?.edges.map((edge) => edge.node) ?? []) as Array<NodeOf<TData[K]>>);
  const pageInfo = computed(() => connection.value?.pageInfo ?? null);
  const total = computed(() => connection.value?.totalCount ?? 0);

  function loadMore(): void {
    const after = pageInfo.value?.endCursor;
    if (!after) return;
    void query.fetchMore({
      variables: { page: { first: pageSize, after } } as unknown as Partial<TVariables>,
      updateQuery: (previous, more) => ({ ...more, [field]: { ...more[field], edges: [...previous[field].edges, ...more[field].edges] } }),
    });
  }

  return { ...query, nodes, pageInfo, total, loadMore };
}

/**
 * A list page's list (useConnectionQuery) and what its « Exporter » asks for (`exportAs`): the export
 * named `list`, with the very variables of the query — the file holds what the page lists — and the
 * `filters` as the page words them.
 */
export function useExportedList<TData extends { [F in K]: ConnectionLike }, TVariables extends OperationVariables, K extends keyof TData & string>(
  document: TypedDocumentNode<TData, TVariables>,
  field: K,
  exported: { list: string; variables: () => Omit<TVariables, 'page'>; filters: () => ListExportRequest['filters'] },
) {
  const list = useConnectionQuery(document, exported.variables, field);
  const exportAs = computed<ListExportRequest>(() => ({ list: exported.list, variables: exported.variables(), filters: exported.filters() }));
  return { list, exportAs };
}

/** What ConnectionTable shows of a useConnectionQuery. */
export interface ConnectionList<TNode> {
  data: Ref<unknown>;
  error: Ref<unknown>;
  loading: Ref<boolean>;
  loadingMore: Ref<boolean>;
  moreError: Ref<unknown>;
  nodes: Ref<TNode[]>;
  total: Ref<number>;
  pageInfo: Ref<{ hasNextPage: boolean } | null>;
  loadMore: () => void;
  refetch: () => unknown;
}
