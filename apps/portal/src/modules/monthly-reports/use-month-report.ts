import { computed, type Ref } from 'vue';
import type { TypedDocumentNode } from '@apollo/client';
import { useQuery } from '@/composables/use-query';
import type { MutationResult } from '@/composables/use-mutation';
import type { RowErrors } from './month-rows';
import { useMonthRows, useReportPeriod, type MonthRowsOptions } from './use-month-rows';

export interface MonthReportOptions<TData, TRow, TDraft, TField extends string> extends Omit<MonthRowsOptions<TDraft, TField>, 'keys' | 'period'> {
  /** The month's query, read again on every visit (another screen may have sent rows meanwhile). */
  document: TypedDocumentNode<TData, { period: string }>;
  rows: (data: TData) => readonly TRow[];
  /** A row's key (a contract's, a stage's id). */
  key: (row: TRow) => string;
  /** A row already sent for the month: read only, not to send again. */
  sent: (row: TRow) => boolean;
  /** A draft someone began to type: the rows sent are those. */
  isStarted: (draft: TDraft) => boolean;
  check: (draft: TDraft) => RowErrors<TField>;
  /** The mutation sending the rows (`useMutation`): `send` calls it with the keys typed, in order. */
  sending: Ref<boolean>;
  send: (request: { period: string; idempotencyKey: string; keys: string[]; drafts: Record<string, TDraft> }) => Promise<MutationResult<unknown>>;
  /** The page's messages; `sent` once `count` rows are recorded. */
  messages: (count: number) => { nothingTyped: string; checkRows: string; noneSent: string; sent: string };
}

/**
 * A partner's month on one screen (MonthReportTable shows it): the month chosen (in the address), its
 * rows, those left to send, a draft per row, and the sending of the rows typed in one call.
 */
export function useMonthReport<TData, TRow, TDraft, TField extends string>(options: MonthReportOptions<TData, TRow, TDraft, TField>) {
  const { periods, period } = useReportPeriod();
  const month = useQuery(options.document, () => ({ period: period.value }), { fetchPolicy: 'cache-and-network' });
  const rows = computed(() => (month.data.value ? options.rows(month.data.value) : []));
  /** The rows not sent yet for the month. */
  const left = computed(() => rows.value.filter((row) => !options.sent(row)));
  const monthRows = useMonthRows<TDraft, TField>({ ...options, keys: () => rows.value.map(options.key), period });
  const { drafts } = monthRows;

  async function submit(): Promise<void> {
    if (options.sending.value) return;
    const keys = left.value.map(options.key).filter((key) => options.isStarted(drafts[key]!));
    await monthRows.sendRows({
      keys,
      check: options.check,
      send: (idempotencyKey) => options.send({ period: period.value, idempotencyKey, keys, drafts }),
      refetch: month.refetch,
      messages: options.messages(keys.length),
    });
  }

  return { ...monthRows, periods, period, month, rows, left, key: options.key, sending: options.sending, submit };
}

export type MonthReport = ReturnType<typeof useMonthReport>;
