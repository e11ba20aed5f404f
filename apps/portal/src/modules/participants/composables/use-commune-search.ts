import { computed } from 'vue';
import { apolloClient } from '@/app/apollo';
import { useSearchAsTyped } from '@/composables/use-search-as-typed';
import { CommunesDocument, type CommunesQuery } from '@/gql/graphql';

export type CommuneMatch = CommunesQuery['communes'][number];

/** « Échirolles (38151) », « Village Olympique (QP038012) »: a commune or a district as SelectField lists it. */
export const placeOption = (c: { code: string; name: string }) => ({ value: c.code, label: `${c.name} (${c.code})` });

/** Communes by name or postcode as they are typed (local office hours). */
export function useCommuneSearch() {
  const communes = useSearchAsTyped(async (wanted): Promise<CommuneMatch[]> => {
    const { data } = await apolloClient.query({ query: CommunesDocument, variables: { search: wanted, first: 15 }, fetchPolicy: 'cache-first' });
    return data?.communes ?? [];
  });
  const options = computed(() => communes.choices.value.map(placeOption));
  return { ...communes, options };
}
