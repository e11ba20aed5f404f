import { ref, shallowRef } from 'vue';
import type { DocumentNode } from 'graphql';
import type { OperationVariables, TypedDocumentNode } from '@apollo/client';
import { apolloClient } from '@/app/apollo';

export interface MutateOptions {
  /** Active queries to run again once the mutation succeeded (by document). */
  refetchQueries?: DocumentNode[];
}

export type MutationResult<TData> = { ok: true; data: TData } | { ok: false; error: unknown };

/**
 * An Apollo mutation with `loading` and `error` refs. `mutate` never throws: it resolves to the data,
 * or to the error (a CombinedGraphQLErrors with the API's codes and messages, or a network failure).
 */
export function useMutation<TData, TVariables extends OperationVariables>(document: TypedDocumentNode<TData, TVariables>) {
  const loading = ref(false);
  const error = shallowRef<unknown>();

  async function mutate(variables: TVariables, options: MutateOptions = {}): Promise<MutationResult<TData>> {
    loading.value = true;
    error.value = undefined;
    try {
      const result = await apolloClient.mutate<TData, TVariables>({
        mutation: document,
        variables,
        refetchQueries: options.refetchQueries,
        awaitRefetchQueries: false,
      });
      if (result.error) throw result.error;
      if (result.data == null) throw new Error('The mutation returned no data');
      return { ok: true, data: result.data as TData };
    } catch (failure) {
      error.value = failure;
      return { ok: false, error: failure };
    } finally {
      loading.value = false;
    }
  }

  return { mutate, loading, error };
}
