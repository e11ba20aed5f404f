import { ref, shallowRef, watch } from 'vue';
import { useDebounced } from './use-debounced';

/**
 * Search-as-you-type: once two characters are typed (and typing pauses), `find` is asked for the
 * matches; an answer to a search typed over meanwhile is dropped. A failed search leaves no match
 * and says so (`failed`).
 */
export function useSearchAsTyped<T>(find: (wanted: string) => Promise<T[]>) {
  const search = ref('');
  const choices = shallowRef<T[]>([]);
  const loading = ref(false);
  const failed = ref(false);
  const debounced = useDebounced(search, 250);

  watch(debounced, async (value) => {
    const wanted = value.trim();
    if (wanted.length < 2) {
      choices.value = [];
      return;
    }
    loading.value = true;
    failed.value = false;
    try {
      const found = await find(wanted);
      if (search.value.trim() === wanted) choices.value = found;
    } catch {
      choices.value = [];
      failed.value = true;
    } finally {
      loading.value = false;
    }
  });

  return { search, choices, loading, failed };
}
