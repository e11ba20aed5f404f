// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { h, nextTick, ref } from 'vue';
import QueryState from './QueryState.vue';
import { mountInApp } from '@/testing/mount-in-app';

/** A query as useQuery gives it, its state set by the test; `asked` counts the retries. */
function queryOf() {
  const asked: string[] = [];
  return { query: { loading: ref(true), error: ref<unknown>(undefined), data: ref<unknown>(undefined), refetch: () => asked.push('refetch') }, asked };
}

afterEach(() => {
  document.body.innerHTML = '';
});

describe('QueryState', () => {
  it('says it is loading, then shows what was read', async () => {
    const { query } = queryOf();
    mountInApp({ render: () => h(QueryState, { query }, { default: () => h('p', 'Le diagnostic') }) });
    expect(document.querySelector('[role="status"]')?.textContent).toContain('Chargement');
    query.loading.value = false;
    query.data.value = { diagnosis: null };
    await nextTick();
    expect(document.body.textContent).toContain('Le diagnostic');
    expect(document.querySelector('[role="status"]')).toBeNull();
  });

  it('says nothing could be read, with a retry, and never the content', async () => {
    const { query, asked } = queryOf();
    query.loading.value = false;
    query.error.value = new Error('network');
    mountInApp({ render: () => h(QueryState, { query }, { default: () => h('p', 'Le diagnostic') }) });
    await nextTick();
    expect(document.body.textContent).not.toContain('Le diagnostic');
    [...document.querySelectorAll('button')].find((b) => b.textContent?.includes('Réessayer'))!.click();
    expect(asked).toEqual(['refetch']);
  });

  it('keeps what was read when reading it again fails, saying so above it', async () => {
    const { query } = queryOf();
    query.loading.value = false;
    query.data.value = { diagnosis: null };
    query.error.value = new Error('network');
    mountInApp({ render: () => h(QueryState, { query }, { default: () => h('p', 'Le diagnostic') }) });
    await nextTick();
    expect(document.body.textContent).toContain('Le diagnostic');
    expect(document.body.textContent).toContain('Réessayer');
  });
});
