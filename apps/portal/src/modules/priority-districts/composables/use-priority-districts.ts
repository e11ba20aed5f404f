import { computed, type Ref } from 'vue';
import { useDebounced } from '@/composables/use-debounced';
import { useQuery } from '@/composables/use-query';
import { PriorityDistrictsDocument, type PriorityDistrictsQuery } from '@/gql/graphql';

export type PriorityDistrictChoice = PriorityDistrictsQuery['priorityDistricts'][number];

/**
 * The PLIE's priority districts (QPV) to choose from: those of the commune when its INSEE code is
 * complete, else all of them. The API refuses a code that is not in the PLIE's list.
 */
export function usePriorityDistricts(communeCode: Readonly<Ref<string>>) {
  const debounced = useDebounced(communeCode as Ref<string>, 250);
  const commune = computed(() => {
    const code = debounced.value.trim().toUpperCase();
    return /^[0-9][0-9AB][0-9]{3}$/.test(code) ? code : null;
  });
  const { data, error, loading, refetch } = useQuery(PriorityDistrictsDocument, () => ({ communeCode: commune.value }), { fetchPolicy: 'cache-first' });
  const districts = computed<PriorityDistrictChoice[]>(() => data.value?.priorityDistricts ?? []);
  return { districts, commune, error, loading, refetch };
}
