import { nextTick, reactive, ref, watch, type WatchSource } from 'vue';
import { useI18n } from 'vue-i18n';
import { errorFields, errorMessage, graphQLErrorsOf, type FieldError } from '@/app/graphql-errors';

/**
 * Errors of one form: per field (from the API's `extensions.fields`, or `extensions.field`, or checks made before sending)
 * and for the whole form (anything not about a field shown on it, or a network failure).
 */
export function useFormErrors<TField extends string>(fields: readonly TField[]) {
  const { t } = useI18n();
  const fieldErrors = reactive<Partial<Record<TField, string>>>({}) as Partial<Record<TField, string>>;
  const formError = ref<string | null>(null);

  function clear(): void {
    for (const field of fields) delete fieldErrors[field];
    formError.value = null;
  }

  function setField(field: TField, message: string): void {
    fieldErrors[field] = message;
  }

  /** Spreads an API error over the fields it names; returns the fields that got a message. */
  function setFromError(error: unknown): TField[] {
    const graphQLErrors = graphQLErrorsOf(error);
    if (graphQLErrors.length === 0) {
      formError.value = errorMessage(error, t('app.networkError'));
      return [];
    }
    const touched: TField[] = [];
    for (const graphQLError of graphQLErrors) {
      const named = errorFields(graphQLError);
      const isShown = ({ field }: FieldError) => (fields as readonly string[]).includes(field);
      for (const { field, message } of named.filter(isShown)) {
        fieldErrors[field as TField] = message;
        touched.push(field as TField);
      }
      // About no field, or about one this form does not show: said for the whole form.
      const unshown = named.find((fieldError) => !isShown(fieldError));
      if (named.length === 0 || unshown) formError.value = unshown?.message ?? graphQLError.message;
    }
    return touched;
  }

  const hasFieldErrors = () => fields.some((field) => fieldErrors[field]);

  /** A field's message goes away as soon as its value is changed: it was about the old value. */
  function clearWhenChanged(sources: Partial<Record<TField, WatchSource<unknown>>>): void {
    for (const [field, source] of Object.entries(sources) as [TField, WatchSource<unknown>][]) {
      watch(source, () => delete fieldErrors[field]);
    }
  }

  return { fieldErrors, formError, clear, setField, setFromError, hasFieldErrors, clearWhenChanged };
}

/** Moves focus to the first invalid field of a form, so keyboard and screen reader users land on it. */
export async function focusFirstInvalid(form: HTMLElement | null | undefined): Promise<void> {
  await nextTick(); // the messages just set are rendered first
  form?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
}
