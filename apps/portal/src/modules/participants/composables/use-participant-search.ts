import { ref, shallowRef, watch } from 'vue';
import { apolloClient } from '@/app/apollo';
import { useDebounced } from '@/composables/use-debounced';
import { ParticipantsDocument, type ParticipantRowFragment } from '@/gql/graphql';

/** The caseload searched by name as it is typed (choosing the participants of a collective session). */
export function useParticipantSearch() {
  const search = ref('');
  const results = shallowRef<ParticipantRowFragment[]>([]);
  const loading = ref(false);
  const failed = ref(false);
  const debounced = useDebounced(search, 250);
  watch(debounced, async (value) => {
    const wanted = value.trim();
    if (wanted.length < 2) {
      results.value = [];
      return;
    }
    loading.value = true;
    failed.value = false;
    try {
      const { data } = await apolloClient.query({
        query: ParticipantsDocument,
        variables: {
          filter: { search: wanted, statuses: ['REFERRED', 'PENDING_ACCREDITATION', 'ACTIVE', 'SUSPENDED', 'IN_JOB_FOLLOW_UP'] },
          page: { first: 10 },
        },
        fetchPolicy: 'network-only',
      });
      if (search.value.trim() === wanted) results.value = data?.participants.edges.map((edge) => edge.node) ?? [];
    } catch {
      failed.value = true;
    } finally {
      loading.value = false;
    }
  });
  return { search, results, loading, failed };
}
