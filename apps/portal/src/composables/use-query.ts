import { onScopeDispose, ref, shallowRef, toValue, watch, type MaybeRefOrGetter } from 'vue';
import type { ErrorLike, ObservableQuery, OperationVariables, TypedDocumentNode, WatchQueryFetchPolicy } from '@apollo/client';
import type { Subscription } from 'rxjs';
import { apolloClient } from '@/app/apollo';

export interface UseQueryOptions {
  fetchPolicy?: WatchQueryFetchPolicy;
}

type FetchMoreOptions<TData, TVariables extends OperationVariables> = {
  variables: Partial<TVariables>;
  updateQuery: (previous: TData, more: TData) => TData;
};

/**
 * A watched Apollo query as Vue refs. Variables may be a ref or getter: when they change the
 * query re-runs, keeping the previous data on screen (with `loading` true) until the new data arrives.
 * Stops watching when the calling component (or effect scope) goes away.
 */
export function useQuery<TData, TVariables extends OperationVariables>(
  document: TypedDocumentNode<TData, TVariables>,
  variables?: MaybeRefOrGetter<NoInfer<TVariables>>,
  options: UseQueryOptions = {},
) {
  const data = shallowRef<TData>();
  const error = shallowRef<ErrorLike>();
  const loading = ref(true);
  const loadingMore = ref(false);
  const moreError = shallowRef<unknown>();

  let observable: ObservableQuery<TData, TVariables> | null = null;
  let subscription: Subscription | null = null;

  const ignore = () => undefined; // failures reach the subscriber as results with `error`

  watch(
    () => (variables === undefined ? ({} as TVariables) : toValue(variables)),
    (vars) => {
      moreError.value = undefined;
      if (observable) {
        loading.value = true;
        observable.reobserve({ variables: vars }).catch(ignore);
        return;
      }
      observable = apolloClient.watchQuery<TData, TVariables>({
        query: document,
        variables: vars,
        fetchPolicy: options.fetchPolicy ?? 'cache-and-network',
        notifyOnNetworkStatusChange: true,
      });
      subscription = observable.subscribe({
        next: (result) => {
          if (result.data !== undefined && result.dataState !== 'empty') data.value = result.data as TData;
          error.value = result.error;
          loading.value = result.loading;
        },
        error: (failure: ErrorLike) => {
          error.value = failure;
          loading.value = false;
        },
      });
    },
    { immediate: true, deep: true },
  );

  onScopeDispose(() => {
    subscription?.unsubscribe();
    subscription = null;
    observable = null;
  });

  /** Asks the server again with the current variables. */
  async function refetch(): Promise<void> {
    if (!observable) return;
    error.value = undefined;
    await observable.refetch().catch(ignore);
  }

  /** Loads the next page and appends it (cursor pagination). */
  async function fetchMore({ variables: more, updateQuery }: FetchMoreOptions<TData, TVariables>): Promise<void> {
    if (!observable || loadingMore.value) return;
    loadingMore.value = true;
    moreError.value = undefined;
    try {
      await observable.fetchMore({
        variables: more,
        updateQuery: (previous, { fetchMoreResult }) => updateQuery(previous as TData, fetchMoreResult as TData),
      });
    } catch (failure) {
      moreError.value = failure;
    } finally {
      loadingMore.value = false;
    }
  }

  return { data, error, loading, loadingMore, moreError, refetch, fetchMore };
}
