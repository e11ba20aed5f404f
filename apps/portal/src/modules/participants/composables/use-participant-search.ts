import { apolloClient } from '@/app/apollo';
import { useSearchAsTyped } from '@/composables/use-search-as-typed';
import { ParticipantsDocument, type ParticipantRowFragment } from '@/gql/graphql';

/** The caseload searched by name as it is typed (choosing the participants of a collective session). */
export function useParticipantSearch() {
  const { choices, ...search } = useSearchAsTyped(async (wanted): Promise<ParticipantRowFragment[]> => {
    const { data } = await apolloClient.query({
      query: ParticipantsDocument,
      variables: {
        filter: { search: wanted, statuses: ['REFERRED', 'PENDING_ACCREDITATION', 'ACTIVE', 'SUSPENDED', 'IN_JOB_FOLLOW_UP'] },
        page: { first: 10 },
      },
      fetchPolicy: 'network-only',
    });
    return data?.participants.edges.map((edge) => edge.node) ?? [];
  });
  return { ...search, results: choices };
}
