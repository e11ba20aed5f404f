import { computed, ref, shallowRef, watch } from 'vue';
import { apolloClient } from '@/app/apollo';
import { useDebounced } from '@/composables/use-debounced';
import { CommunesDocument, type CommunesQuery } from '@/gql/graphql';

export type CommuneMatch = CommunesQuery['communes'][number];

/** Communes by name or postcode as they are typed (local office hours). */
export function useCommuneSearch() {
  const search = ref('');
  const choices = shallowRef<CommuneMatch[]>([]);
  const loading = ref(false);
  const debounced = useDebounced(search, 250);
  watch(debounced, async (value) => {
    const wanted = value.trim();
    if (wanted.length < 2) {
      choices.value = [];
      return;
    }
    loading.value = true;
    try {
      const { data } = await apolloClient.query({ query: CommunesDocument, variables: { search: wanted, first: 15 }, fetchPolicy: 'cache-first' });
      if (search.value.trim() === wanted) choices.value = data?.communes ?? [];
    } catch {
      choices.value = [];
    } finally {
      loading.value = false;
    }
  });
  /** As SelectField lists them: « Échirolles (38151) ». */
  const options = computed(() => choices.value.map((c) => ({ value: c.code, label: `${c.name} (${c.code})` })));
  return { search, choices, options, loading };
}
