import { ref } from 'vue';
import { useI18n } from 'vue-i18n';
import type { OperationVariables, TypedDocumentNode } from '@apollo/client';
import { apolloClient } from '@/app/apollo';
import { errorMessage, hasErrorCode } from '@/app/graphql-errors';
import { useMutation } from '@/composables/use-mutation';
import { MeetingPageDocument } from '@/gql/graphql';

/**
 * One change to a meeting (every meeting mutation returns the meeting, which refreshes the page
 * through the cache). A refusal's message is kept to show; on a conflict (someone changed it
 * meanwhile) the meeting is read again, so the next try starts from what is there now.
 */
export function useMeetingChange<TData, TVariables extends OperationVariables>(document: TypedDocumentNode<TData, TVariables>) {
  const { t } = useI18n();
  const mutation = useMutation(document);
  const message = ref<string | null>(null);

  async function run(variables: TVariables): Promise<boolean> {
    message.value = null;
    const result = await mutation.mutate(variables);
    if (result.ok) return true;
    message.value = errorMessage(result.error, t('app.networkError'));
    if (hasErrorCode(result.error, 'CONFLICT')) await apolloClient.refetchQueries({ include: [MeetingPageDocument] });
    return false;
  }

  return { run, message, loading: mutation.loading, error: mutation.error };
}
