import { ref, shallowRef, watch } from 'vue';
import { apolloClient } from '@/app/apollo';
import { useDebounced } from '@/composables/use-debounced';
import { TradesDocument, type TradesQuery } from '@/gql/graphql';

export type TradeChoice = TradesQuery['trades'][number];

/** Search-as-you-type over ROME trades (label or job title): the matches of what is typed, best first. */
export function useTradeSearch() {
  const search = ref('');
  const choices = shallowRef<TradeChoice[]>([]);
  const loading = ref(false);
  const failed = ref(false);
  const debounced = useDebounced(search, 250);

  watch(debounced, async (value) => {
    const wanted = value.trim();
    if (wanted.length < 2) {
      choices.value = [];
      return;
    }
    loading.value = true;
    failed.value = false;
    try {
      const { data } = await apolloClient.query({ query: TradesDocument, variables: { search: wanted }, fetchPolicy: 'cache-first' });
      if (search.value.trim() === wanted) choices.value = data?.trades ?? [];
    } catch {
      failed.value = true;
    } finally {
      loading.value = false;
    }
  });

  return { search, choices, loading, failed };
}
