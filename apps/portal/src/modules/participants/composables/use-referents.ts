import { computed } from 'vue';
import { useQuery } from '@/composables/use-query';
import { ReferentsDocument, type ReferentsQuery } from '@/gql/graphql';

export type ReferentChoice = ReferentsQuery['referents'][number];

/** The active path referents of the PLIE, by name, for the referent selects. */
export function useReferents() {
  const { data, error, loading, refetch } = useQuery(ReferentsDocument);
  const referents = computed<ReferentChoice[]>(() => data.value?.referents ?? []);
  return { referents, error, loading, refetch };
}
