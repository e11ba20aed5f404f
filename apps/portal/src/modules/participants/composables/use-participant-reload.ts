import { ref } from 'vue';
import { apolloClient } from '@/app/apollo';
import { ParticipantDocument } from '@/gql/graphql';
import { staffFile, type StaffParticipantFile } from '../staff-file';

/**
 * Reads a file again from the server (after a CONFLICT: someone saved a newer version). The cache
 * is updated, so every part of the page shows the latest data; resolves to it, or null on failure.
 */
export function useParticipantReload() {
  const reloading = ref(false);

  async function reload(id: string): Promise<StaffParticipantFile | null> {
    reloading.value = true;
    try {
      const { data } = await apolloClient.query({ query: ParticipantDocument, variables: { id }, fetchPolicy: 'network-only' });
      return data?.participant ? staffFile(data.participant) : null;
    } catch {
      return null;
    } finally {
      reloading.value = false;
    }
  }

  return { reload, reloading };
}
