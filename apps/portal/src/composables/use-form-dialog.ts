import { computed, ref, shallowRef, watch, type Ref, type WatchSource } from 'vue';
import { useI18n } from 'vue-i18n';
import { useToast } from 'primevue/usetoast';
import { hasErrorCode } from '@/app/graphql-errors';
import { newIdempotencyKey } from '@/app/idempotency';
import { focusFirstInvalid, useFormErrors } from './use-form-errors';
import type { MutationResult } from './use-mutation';

export interface FormDialogOptions<TField extends string> {
  /** The form's id: the footer's submit button points at it, and focus looks for invalid fields in it. */
  id: string;
  visible: Ref<boolean>;
  /** The fields shown on the form: API errors about other fields are said for the whole form. */
  fields: readonly TField[];
  /**
   * Puts the form back as new, each time the dialog opens (also when it is created open, so the refs
   * it sets must be declared before `useFormDialog` is called).
   */
  reset: () => void;
  /** A field's message goes away once its value changes: it was about the old value. */
  clearWhenChanged?: Partial<Record<TField, WatchSource<unknown>>>;
}

export interface SubmitSteps<TData> {
  /** The checks made before sending: mark what is wrong with `setField` or `require`. */
  check?: () => void;
  send: () => Promise<MutationResult<TData>>;
  /** The success toast's text (none for null); the dialog closes after it, unless `stayOpen` (to show what was done). */
  success: (data: TData) => string | null;
  stayOpen?: boolean;
}

/**
 * The state of a form in a dialog (FormDialog.vue shows it, or InlineForm.vue in the page): reset
 * on opening, errors per field from the checks and from the API, focus on the first invalid field,
 * a busy submit, the success toast and closing. `idempotencyKey` is one per opening: a creation
 * retried after a network failure is made once.
 */
export function useFormDialog<TField extends string>(options: FormDialogOptions<TField>) {
  const { t } = useI18n();
  const toast = useToast();
  const errors = useFormErrors(options.fields);
  const busy = ref(false);
  const idempotencyKey = ref(newIdempotencyKey());
  const failure = shallowRef<unknown>();
  /** Someone changed the record meanwhile: the dialog offers to reload it. */
  const conflict = computed(() => failure.value !== undefined && hasErrorCode(failure.value, 'CONFLICT'));

  errors.clearWhenChanged(options.clearWhenChanged ?? {});

  function clear(): void {
    errors.clear();
    failure.value = undefined;
  }

  watch(
    options.visible,
    (open) => {
      if (!open) return;
      idempotencyKey.value = newIdempotencyKey();
      options.reset();
      clear();
    },
    { immediate: true },
  );

  /** Marks each field whose value is empty (blank text, empty list, nothing chosen) as required. */
  function require(values: Partial<Record<TField, unknown>>): void {
    for (const [field, value] of Object.entries(values) as [TField, unknown][]) {
      const empty = value == null || value === false || (typeof value === 'string' && !value.trim()) || (Array.isArray(value) && value.length === 0);
      if (empty) errors.setField(field, t('app.required'));
    }
  }

  function close(): void {
    options.visible.value = false;
  }

  const focusFirst = () => focusFirstInvalid(document.getElementById(options.id));

  /** One submission; resolves to the API's answer, or null when the checks stopped it before sending. */
  async function submit<TData>(steps: SubmitSteps<TData>): Promise<MutationResult<TData> | null> {
    clear();
    steps.check?.();
    if (errors.hasFieldErrors() || errors.formError.value) {
      await focusFirst();
      return null;
    }
    busy.value = true;
    const result = await steps.send().finally(() => (busy.value = false));
    if (!result.ok) {
      failure.value = result.error;
      errors.setFromError(result.error);
      await focusFirst();
      return result;
    }
    const summary = steps.success(result.data);
    if (summary) toast.add({ severity: 'success', summary, life: 5000 });
    if (!steps.stayOpen) close();
    return result;
  }

  return { ...errors, id: options.id, visible: options.visible, busy, conflict, idempotencyKey, clear, close, require, focusFirst, submit };
}

export type FormDialogState = ReturnType<typeof useFormDialog>;
