import { computed, ref } from 'vue';
import { useDebounced } from './use-debounced';

/** The search box of a list (`search`, bound to it), and `term`: what the list is searched for, trimmed, once typing pauses. */
export function useListSearch(typed = '') {
  const search = ref(typed);
  const debounced = useDebounced(search);
  const term = computed(() => debounced.value.trim());
  return { search, term };
}
