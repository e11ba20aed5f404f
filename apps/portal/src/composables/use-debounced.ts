import { onScopeDispose, ref, watch, type Ref } from 'vue';

/** A copy of `source` that follows it once it has stopped changing for `delayMs` (search boxes). */
export function useDebounced<T>(source: Ref<T>, delayMs = 300): Ref<T> {
  const debounced = ref(source.value) as Ref<T>;
  let timer: ReturnType<typeof setTimeout> | undefined;
  watch(source, (value) => {
    clearTimeout(timer);
    timer = setTimeout(() => (debounced.value = value), delayMs);
  });
  onScopeDispose(() => clearTimeout(timer));
  return debounced;
}
