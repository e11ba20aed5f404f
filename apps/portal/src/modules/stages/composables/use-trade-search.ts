import { apolloClient } from '@/app/apollo';
import { useSearchAsTyped } from '@/composables/use-search-as-typed';
import { TradesDocument, type TradesQuery } from '@/gql/graphql';

export type TradeChoice = TradesQuery['trades'][number];

/** Search-as-you-type over ROME trades (label or job title): the matches of what is typed, best first. */
export function useTradeSearch() {
  return useSearchAsTyped(async (wanted): Promise<TradeChoice[]> => {
    const { data } = await apolloClient.query({ query: TradesDocument, variables: { search: wanted }, fetchPolicy: 'cache-first' });
    return data?.trades ?? [];
  });
}
