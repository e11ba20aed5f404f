import { beforeEach, describe, expect, it, vi } from 'vitest';
import { shallowRef } from 'vue';
import { CombinedGraphQLErrors, type TypedDocumentNode } from '@apollo/client';
import { useRecordQuery } from './use-record-query';

const route = { params: { id: 'M2' } };
vi.mock('vue-router', () => ({ useRoute: () => route }));

type Meeting = { id: string; title: string };
const asked: unknown[] = [];
const data = shallowRef<{ meeting: Meeting }>();
const error = shallowRef<unknown>();
const loading = shallowRef(true);
vi.mock('./use-query', () => ({
  useQuery: (_document: unknown, variables: () => unknown, options: unknown) => {
    asked.push({ variables: variables(), options });
    return { data, error, loading, refetch: () => undefined };
  },
}));

const MeetingDocument = {} as TypedDocumentNode<{ meeting: Meeting }, { id: string }>;
const notFoundError = new CombinedGraphQLErrors({ errors: [{ message: 'Introuvable', extensions: { code: 'NOT_FOUND' } }] });

beforeEach(() => {
  asked.length = 0;
  data.value = undefined;
  error.value = undefined;
  loading.value = true;
});

describe('useRecordQuery', () => {
  it('reads the record the address names, and only that one', () => {
    const { record, shown, id } = useRecordQuery(MeetingDocument, 'meeting');
    expect(id.value).toBe('M2');
    expect(asked).toEqual([{ variables: { id: 'M2' }, options: {} }]);
    data.value = { meeting: { id: 'M1', title: 'La réunion d’avant' } };
    expect(record.value).toBeNull();
    expect(shown.value).toBe('loading');
    data.value = { meeting: { id: 'M2', title: 'Commission' } };
    expect(record.value?.title).toBe('Commission');
    expect(shown.value).toBe('record');
  });

  it('says the record is not found, or could not be read, once asked', () => {
    const { shown } = useRecordQuery(MeetingDocument, 'meeting');
    error.value = notFoundError;
    expect(shown.value).toBe('loading');
    loading.value = false;
    expect(shown.value).toBe('notFound');
    error.value = new Error('network');
    expect(shown.value).toBe('failed');
  });

  it('keeps a staff record read when reading it again says it is not found', () => {
    data.value = { meeting: { id: 'M2', title: 'Commission' } };
    const { record, notFound } = useRecordQuery(MeetingDocument, 'meeting');
    error.value = notFoundError;
    expect(notFound.value).toBe(true);
    expect(record.value?.title).toBe('Commission');
  });

  it('asks a shared record again each time, and says at once it is no longer shared', () => {
    data.value = { meeting: { id: 'M2', title: 'Commission' } };
    const { record, shown } = useRecordQuery(MeetingDocument, 'meeting', { shared: true });
    expect(asked).toEqual([{ variables: { id: 'M2' }, options: { fetchPolicy: 'network-only' } }]);
    expect(record.value?.title).toBe('Commission');
    error.value = notFoundError;
    expect(record.value).toBeNull();
    expect(shown.value).toBe('notFound');
  });

  it('shows what `narrow` keeps of the record, and nothing when it cannot', () => {
    loading.value = false;
    data.value = { meeting: { id: 'M2', title: '' } };
    const { read, record, shown } = useRecordQuery(MeetingDocument, 'meeting', { narrow: (m) => (m.title ? m.title : null) });
    expect(read.value?.id).toBe('M2');
    expect(record.value).toBeNull();
    expect(shown.value).toBe('unread');
    data.value = { meeting: { id: 'M2', title: 'Commission' } };
    expect(record.value).toBe('Commission');
  });
});
