import { computed, type Ref } from 'vue';
import { useFormDialog, type SubmitSteps } from '@/composables/use-form-dialog';
import { personName } from '@/composables/use-labels';
import type { AssistedContractFieldsFragment } from '@/gql/graphql';

interface ContractChangeOptions<TValues extends object> {
  id: string;
  visible: Ref<boolean>;
  contract: () => AssistedContractFieldsFragment;
  /** Every value is required. */
  values: () => TValues;
  /** The page reads the contract again. */
  onDone: () => void;
}

/**
 * A dialog that changes an assisted contract as it was read (ending it, renewing it): its form, the
 * person's name for its texts, and a submission after which the page reads the contract again, done
 * or changed meanwhile by someone else (the dialog says so, and the next try uses what is read).
 */
export function useContractChangeDialog<TValues extends object>(options: ContractChangeOptions<TValues>) {
  const form = useFormDialog({ id: options.id, visible: options.visible, values: options.values });
  const name = computed(() => personName(options.contract()));

  async function submit<TData>(steps: Omit<SubmitSteps<TData>, 'check'>): Promise<void> {
    const result = await form.submit({ check: () => form.require(form.values), ...steps });
    if (result?.ok || form.conflict.value) options.onDone();
  }

  return { form, name, submit };
}
