import type { Ref } from 'vue';
import { useI18n } from 'vue-i18n';
import { useFormDialog } from './use-form-dialog';
import type { MutationResult } from './use-mutation';

export interface ReasonDialogOptions<TData> {
  id: string;
  visible: Ref<boolean>;
  /** Fields the API may name besides the reason (e.g. the file it is about): said for the whole form. */
  fields?: readonly string[];
  /** Said under an empty reason, when « Champ obligatoire » says too little. */
  requiredMessage?: () => string;
  /** Sends the reason, trimmed. */
  send: (reason: string) => Promise<MutationResult<TData>>;
  success: (data: TData) => string | null;
}

/**
 * A dialog that asks why before doing something weighty (erasing a file, opening an archive,
 * revoking a consent, withdrawing a person): one reason, required, sent trimmed. ReasonDialog.vue
 * shows it.
 */
export function useReasonDialog<TData>(options: ReasonDialogOptions<TData>) {
  const { t } = useI18n();
  const form = useFormDialog({ id: options.id, visible: options.visible, values: () => ({ reason: '' }), fields: options.fields ?? [] });

  function submit(): Promise<MutationResult<TData> | null> {
    const reason = () => form.values.reason.trim();
    return form.submit({
      check: () => {
        if (!reason()) form.setField('reason', options.requiredMessage?.() ?? t('app.required'));
      },
      send: () => options.send(reason()),
      success: options.success,
    });
  }

  return { form, submit };
}

export type ReasonDialogState = ReturnType<typeof useReasonDialog>;
