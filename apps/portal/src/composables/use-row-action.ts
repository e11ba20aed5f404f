import { ref } from 'vue';
import { useI18n } from 'vue-i18n';
import { useToast } from 'primevue/usetoast';
import { errorMessage } from '@/app/graphql-errors';
import type { MutationResult } from './use-mutation';

/**
 * A change made from a row of a list (deactivate, revoke…): `busyId` is the row it runs on, `error`
 * the API's refusal to show above the list; a success is said in a toast.
 */
export function useRowAction() {
  const { t } = useI18n();
  const toast = useToast();
  const busyId = ref<string | null>(null);
  const error = ref<string | null>(null);

  /** Sends the change for row `id`; `done` is said once it succeeded. */
  async function run<TData>(id: string, send: () => Promise<MutationResult<TData>>, done: string): Promise<MutationResult<TData>> {
    error.value = null;
    busyId.value = id;
    const result = await send();
    busyId.value = null;
    if (result.ok) toast.add({ severity: 'success', summary: done, life: 5000 });
    else error.value = errorMessage(result.error, t('app.networkError'));
    return result;
  }

  return { busyId, error, run };
}
