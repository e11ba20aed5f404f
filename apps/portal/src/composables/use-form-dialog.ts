import { computed, reactive, ref, shallowRef, watch, type Ref, type WatchSource } from 'vue';
import { useI18n } from 'vue-i18n';
import { useToast } from 'primevue/usetoast';
import { hasErrorCode } from '@/app/graphql-errors';
import { newIdempotencyKey } from '@/app/idempotency';
import { focusFirstInvalid, useFormErrors } from './use-form-errors';
import type { MutationResult } from './use-mutation';

export interface FormDialogOptions<TValues extends object, TExtra extends string> {
  /** The form's id: the footer's submit button points at it, and focus looks for invalid fields in it. */
  id: string;
  visible: Ref<boolean>;
  /**
   * The form's values as new, read again each time the dialog opens: the form keeps them (`values`),
   * each is a field (`field(name)` binds it), and a field's message goes away once its value changes.
   */
  values?: () => TValues;
  /** Fields shown on the form besides `values`: API errors about other fields are said for the whole form. */
  fields?: readonly TExtra[];
  /**
   * Puts the form back as new, each time the dialog opens, after `values` (also when it is created open,
   * so the refs it sets must be declared before `useFormDialog` is called).
   */
  reset?: () => void;
  /** A field's message goes away once its value changes: it was about the old value. */
  clearWhenChanged?: Partial<Record<FieldOf<TValues, TExtra>, WatchSource<unknown>>>;
}

/** A field's control bound to its form: its value both ways, and its message. */
export interface FieldBinding<TValue> {
  modelValue: TValue;
  /**
   * Controls declare their model loosely (a text box's may be undefined, a select's or a radio group's
   * empty or null), but give back one of the values they offer.
   */
  'onUpdate:modelValue': (value: TValue | '' | null | undefined) => void;
  error: string | undefined;
}

/** The fields of a form: its values', and those it names besides. */
export type FieldOf<TValues extends object, TExtra extends string> = (keyof TValues & string) | TExtra;

export interface SubmitSteps<TData> {
  /** The checks made before sending: mark what is wrong with `setField` or `require` (awaited when one asks the API). */
  check?: () => void | Promise<void>;
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
export function useFormDialog<TValues extends object = Record<never, never>, TExtra extends string = never>(options: FormDialogOptions<TValues, TExtra>) {
  type TField = FieldOf<TValues, TExtra>;
  const { t } = useI18n();
  const toast = useToast();
  // Plain values (text, days, lists of ids): reactive() keeps their types.
  const values = reactive(options.values?.() ?? ({} as TValues)) as TValues;
  const valueFields = Object.keys(values) as (keyof TValues & string)[];
  const errors = useFormErrors<TField>([...valueFields, ...(options.fields ?? [])]);
  const busy = ref(false);
  const idempotencyKey = ref(newIdempotencyKey());
  const failure = shallowRef<unknown>();
  /** Someone changed the record meanwhile: the dialog offers to reload it. */
  const conflict = computed(() => failure.value !== undefined && hasErrorCode(failure.value, 'CONFLICT'));

  errors.clearWhenChanged({
    ...(Object.fromEntries(valueFields.map((name) => [name, () => values[name as keyof TValues]])) as Record<TField, WatchSource<unknown>>),
    ...options.clearWhenChanged,
  });

  /**
   * What binds a field's control to the form (`v-bind="field('name')"` on TextField, SelectField, DateField,
   * RadioChoiceGroup…): its value both ways, and its message.
   */
  function field<K extends keyof TValues & string>(name: K): FieldBinding<TValues[K]> {
    return {
      modelValue: values[name],
      'onUpdate:modelValue': (value) => (values[name] = value as TValues[K]),
      error: errors.fieldErrors[name as TField],
    };
  }

  function clear(): void {
    errors.clear();
    failure.value = undefined;
  }

  watch(
    options.visible,
    (open) => {
      if (!open) return;
      idempotencyKey.value = newIdempotencyKey();
      reset();
    },
    { immediate: true },
  );

  /** Puts the form back as new (as the record reads now, for a form that edits one), without its messages. */
  function reset(): void {
    if (options.values) Object.assign(values, options.values());
    options.reset?.();
    clear();
  }

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
    await steps.check?.();
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

  return {
    ...errors,
    id: options.id,
    visible: options.visible,
    values,
    field,
    busy,
    conflict,
    idempotencyKey,
    clear,
    reset,
    close,
    require,
    focusFirst,
    submit,
  };
}

export type FormDialogState = ReturnType<typeof useFormDialog>;
