import { computed, shallowRef } from 'vue';

/**
 * A dialog opened for one item of a list (the row acted on): visible while an item is chosen;
 * closing it forgets the item, so the next opening starts from the item then chosen.
 */
export function useDialogFor<T>() {
  const item = shallowRef<T | null>(null);
  const visible = computed({
    get: () => item.value !== null,
    set: (open: boolean) => {
      if (!open) item.value = null;
    },
  });
  return { item, visible, open: (value: T) => (item.value = value) };
}
