import { useI18n } from 'vue-i18n';
import { useToast } from 'primevue/usetoast';
import { errorMessage } from '@/app/graphql-errors';
import type { MutationResult } from '@/composables/use-mutation';

/**
 * The changes made from an office hours page's buttons (reopen a day, record an attendance, remove an
 * assignment, the calendar link): nothing on the page has room for their refusal, so it is said in a
 * toast, as their success when there is something to say.
 */
export function useChangeToasts() {
  const { t } = useI18n();
  const toast = useToast();

  /** The change's answer, once its refusal (or `done`, when it succeeded) has been said. */
  return async function said<TData>(change: Promise<MutationResult<TData>>, done?: string): Promise<MutationResult<TData>> {
    const result = await change;
    if (!result.ok) toast.add({ severity: 'error', summary: errorMessage(result.error, t('app.networkError')), life: 8000 });
    else if (done) toast.add({ severity: 'success', summary: done, life: 4000 });
    return result;
  };
}
