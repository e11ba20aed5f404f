import { computed, nextTick, reactive, ref, watch, type Ref } from 'vue';
import { useRoute, useRouter } from 'vue-router';
import { useI18n } from 'vue-i18n';
import { useToast } from 'primevue/usetoast';
import { errorFields, errorMessage, graphQLErrorsOf, hasErrorCode } from '@/app/graphql-errors';
import { newIdempotencyKey } from '@/app/idempotency';
import { todayLocalDate } from '@/composables/use-labels';
import type { MutationResult } from '@/composables/use-mutation';
import { periodOf, recentPeriods, rowErrorOf, type RowErrors } from './month-rows';

/** The month shown, kept in the address (?mois=2026-10); by default the month just ended, the one to report on. */
export function useReportPeriod() {
  const route = useRoute();
  const router = useRouter();
  const today = todayLocalDate();
  const periods = recentPeriods(today);
  const period = ref(typeof route.query.mois === 'string' && periods.includes(route.query.mois) ? route.query.mois : periodOf(today, -1));
  watch(period, (value) => void router.replace({ query: { mois: value } }));
  return { today, periods, period };
}

export interface MonthRowsOptions<TDraft, TField extends string> {
  /** The rows' keys (a contract's, a stage's id), as the month's query gives them. */
  keys: () => readonly string[];
  period: Ref<string>;
  empty: () => TDraft;
  /** The list the API names in `extensions.field` (`reports.2.hoursWorked`). */
  list: string;
  /** The fields of a row with a message of their own; `grouped` sends others to one of them. */
  fields: readonly TField[];
  grouped?: Partial<Record<string, TField>>;
  /** The id of the table, where the first refused field gets the focus. */
  tableId: string;
}

export interface SendRows<TDraft, TField extends string> {
  /** The keys of the rows typed (those to send, in the order sent). */
  keys: readonly string[];
  check: (draft: TDraft) => RowErrors<TField>;
  send: (idempotencyKey: string) => Promise<MutationResult<unknown>>;
  refetch: () => Promise<unknown>;
  /** `sent`: the success toast once the rows are recorded. */
  messages: { nothingTyped: string; checkRows: string; noneSent: string; sent: string };
}

/**
 * A month's rows typed on one screen and sent in one call (all or none): a draft per row, the checks
 * made before sending, the API's refusal put back on the row and field it names (focused), one
 * idempotency key per intended sending (a retry after a network failure records nothing twice).
 */
export function useMonthRows<TDraft, TField extends string>(options: MonthRowsOptions<TDraft, TField>) {
  const { t } = useI18n();
  const toast = useToast();
  const drafts = reactive<Record<string, TDraft>>({}) as Record<string, TDraft>;
  const rowErrors = reactive<Record<string, RowErrors<TField>>>({}) as Record<string, RowErrors<TField>>;
  const formError = ref<string | null>(null);
  let idempotencyKey = newIdempotencyKey();

  watch(
    options.keys,
    (keys) => {
      for (const key of keys) drafts[key] ??= options.empty();
    },
    { immediate: true },
  );
  // A month's drafts go when another month is chosen.
  watch(options.period, () => {
    for (const key of Object.keys(drafts)) delete drafts[key];
    clearErrors();
  });

  function clearErrors(): void {
    for (const key of Object.keys(rowErrors)) delete rowErrors[key];
    formError.value = null;
  }

  /** A message goes away as soon as its value is changed: it was about the old value. */
  function clearRowError(key: string, field: TField | 'row'): void {
    const errors = rowErrors[key];
    if (errors) delete errors[field];
  }

  async function focusFirstInvalid(): Promise<void> {
    await nextTick();
    const table = document.getElementById(options.tableId);
    // The field refused, else the first control of a refused row (a message about the row).
    (
      table?.querySelector<HTMLElement>('[aria-invalid="true"]') ?? table?.querySelector<HTMLElement>('.report-row-invalid input, .report-row-invalid button')
    )?.focus();
  }

  /** Sends the rows typed; true once recorded (their drafts emptied, said in a toast, the month read again). */
  async function sendRows(request: SendRows<TDraft, TField>): Promise<boolean> {
    clearErrors();
    if (request.keys.length === 0) {
      formError.value = request.messages.nothingTyped;
      return false;
    }
    for (const key of request.keys) {
      const errors = request.check(drafts[key]!);
      if (Object.keys(errors).length) rowErrors[key] = errors;
    }
    if (Object.keys(rowErrors).length) {
      formError.value = request.messages.checkRows;
      await focusFirstInvalid();
      return false;
    }
    const result = await request.send(idempotencyKey);
    const graphQLErrors = result.ok ? [] : graphQLErrorsOf(result.error);
    // The API answered: the next sending is another one.
    if (result.ok || graphQLErrors.length) idempotencyKey = newIdempotencyKey();
    if (!result.ok) {
      // The API names every refused field of every row at once (`extensions.fields`): each is marked.
      for (const { field, message } of graphQLErrors.flatMap(errorFields)) {
        const at = rowErrorOf(field, options.list, options.fields, options.grouped);
        const key = at && request.keys[at.index];
        if (key) rowErrors[key] = { [at.field]: message, ...rowErrors[key] } as RowErrors<TField>;
      }
      const onRow = Object.keys(rowErrors).length > 0;
      formError.value = onRow ? request.messages.noneSent : errorMessage(result.error, t('app.networkError'));
      // A month recorded meanwhile (from another screen): what is on file now is shown.
      if (hasErrorCode(result.error, 'CONFLICT') || Object.values(rowErrors).some((errors) => errors.row)) await request.refetch();
      await focusFirstInvalid();
      return false;
    }
    for (const key of request.keys) drafts[key] = options.empty();
    toast.add({ severity: 'success', summary: request.messages.sent, life: 5000 });
    await request.refetch();
    return true;
  }

  return { drafts, rowErrors, formError, clearRowError, sendRows };
}

/**
 * The ids of a row's fields (`RowInput`) and its messages (`RowMessages`, in `order`), unique on the page;
 * `edited` is told of a field changed, whose message was about the old value.
 */
export function useRowFields<TDraft extends object, TField extends keyof TDraft & string>(
  prefix: () => string,
  errors: () => RowErrors<TField>,
  order: readonly (TField | 'row')[],
  draft: () => TDraft,
  edited: (field: TField) => void,
) {
  const idOf = (field: string) => `${prefix()}-${field}`;
  const messages = computed(() => order.filter((field) => errors()[field]).map((field) => ({ id: `${idOf(field)}-error`, text: errors()[field]! })));
  const invalid = computed(() => Object.values(errors()).some(Boolean));
  for (const field of order) {
    if (field !== 'row')
      watch(
        () => draft()[field as TField],
        () => edited(field as TField),
      );
  }
  return { idOf, messages, invalid };
}
