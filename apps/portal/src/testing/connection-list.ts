import { ref } from 'vue';
import type { ConnectionList } from '@/composables/use-connection-query';

/** A list as useConnectionQuery gives it, its state set by the test; `asked` records « more » and « refetch ». */
export function connectionListOf<TNode>(nodes: TNode[], total: number, hasNextPage: boolean) {
  const asked: string[] = [];
  const list: ConnectionList<TNode> = {
    data: ref({}),
    error: ref(undefined),
    loading: ref(false),
    loadingMore: ref(false),
    moreError: ref(undefined),
    nodes: ref(nodes) as ConnectionList<TNode>['nodes'],
    total: ref(total),
    pageInfo: ref({ hasNextPage }),
    loadMore: () => asked.push('more'),
    refetch: () => asked.push('refetch'),
  };
  return { list, asked };
}
