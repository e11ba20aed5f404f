import { ref, shallowRef, watch, type Ref, type WritableComputedRef } from 'vue';
import { apolloClient } from '@/app/apollo';
import { useDebounced } from '@/composables/use-debounced';
import { CommunesDocument, type CommunesQuery } from '@/gql/graphql';

export type CommuneChoice = CommunesQuery['communes'][number];

async function search(text: string): Promise<CommuneChoice[]> {
  try {
    // Reference data: the cache answers a postcode asked before.
    const { data } = await apolloClient.query({ query: CommunesDocument, variables: { search: text, first: 20 }, fetchPolicy: 'cache-first' });
    return data?.communes ?? [];
  } catch {
    return []; // the INSEE code can still be typed by hand
  }
}

/**
 * The communes of a postcode (to choose from) and the name of the commune whose INSEE code is typed,
 * from the API's reference data. A failed lookup only leaves the INSEE code to type.
 */
export function useCommuneLookup(postcode: Readonly<Ref<string>>, communeCode: Ref<string> | WritableComputedRef<string>) {
  const choices = shallowRef<CommuneChoice[]>([]);
  const codeName = ref<string | null>(null);
  const loading = ref(false);
  const debouncedPostcode = useDebounced(postcode as Ref<string>, 250);
  const debouncedCode = useDebounced(communeCode as Ref<string>, 250);

  watch(
    debouncedPostcode,
    async (value) => {
      const wanted = value.trim();
      if (!/^\d{5}$/.test(wanted)) {
        choices.value = [];
        return;
      }
      loading.value = true;
      const found = (await search(wanted)).filter((c) => c.postcodes.includes(wanted));
      loading.value = false;
      if (postcode.value.trim() !== wanted) return; // typed on meanwhile
      choices.value = found;
      // One commune for this postcode and none chosen yet: it is that one.
      if (found.length === 1 && !communeCode.value.trim()) communeCode.value = found[0]!.code;
    },
    { immediate: true },
  );

  watch(
    debouncedCode,
    async (value) => {
      const wanted = value.trim().toUpperCase();
      if (!/^[0-9][0-9AB][0-9]{3}$/.test(wanted)) {
        codeName.value = null;
        return;
      }
      const known = choices.value.find((c) => c.code === wanted);
      const found = known ?? (await search(wanted)).find((c) => c.code === wanted);
      if (communeCode.value.trim().toUpperCase() === wanted) codeName.value = found?.name ?? null;
    },
    { immediate: true },
  );

  return { choices, codeName, loading };
}
