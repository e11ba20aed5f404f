import { computed } from 'vue';
import { useRoute } from 'vue-router';
import type { TypedDocumentNode } from '@apollo/client';
import { hasErrorCode } from '@/app/graphql-errors';
import { useQuery } from './use-query';

/** What the page of a record shows: the record, or why not (yet). */
export type RecordShown = 'record' | 'loading' | 'notFound' | 'failed' | 'unread';

/**
 * The record a page's address names (`/…/:id`), read with `document` at `field`: `read` is null until
 * the one of this address is read (never another's, kept from the page before), `record` is what of it
 * the page shows (`narrow`ed, null when it cannot be), `notFound` when the API knows no such record,
 * `shown` what the page shows meanwhile (RecordPage). A record `shared` through consent is always asked
 * again (a consent withdrawn since the last visit must not show from the cache), and once the API says it
 * is not shared the page says so at once, even while it is asked again.
 */
export function useRecordQuery<TData extends { [F in K]: { id: string } }, K extends keyof TData & string, TRecord = TData[K]>(
  document: TypedDocumentNode<TData, { id: string }>,
  field: K,
  { shared = false, narrow }: { shared?: boolean; narrow?: (read: TData[K]) => TRecord | null } = {},
) {
  const route = useRoute();
  const id = computed(() => String(route.params.id));
  const query = useQuery(document, () => ({ id: id.value }), shared ? { fetchPolicy: 'network-only' } : {});
  const notFound = computed(() => hasErrorCode(query.error.value, 'NOT_FOUND'));
  const read = computed(() => {
    const value = query.data.value?.[field];
    return value?.id === id.value && !(shared && notFound.value) ? (value as TData[K]) : null;
  });
  const record = computed<TRecord | null>(() => (read.value && narrow ? narrow(read.value) : (read.value as TRecord | null)));
  const shown = computed<RecordShown>(() => {
    if (record.value) return 'record';
    if (shared && notFound.value) return 'notFound';
    if (query.loading.value) return 'loading';
    if (notFound.value) return 'notFound';
    return query.error.value ? 'failed' : 'unread';
  });
  return { ...query, id, read, record, notFound, shown };
}
