// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { flushPromises } from '@vue/test-utils';
import Column from 'primevue/column';
import { h, ref } from 'vue';
import PagePanel from './PagePanel.vue';
import QueryTable from './QueryTable.vue';
import { mountInApp } from '@/testing/mount-in-app';

type Row = { id: string; label: string };

/** A query as useQuery gives it: read (`data`), failed (`error`) or still loading; `retried` counts « Réessayer ». */
function queryOf(state: { data?: unknown; error?: unknown; loading?: boolean }) {
  const retried: string[] = [];
  return {
    retried,
    query: { data: ref(state.data ?? null), error: ref(state.error ?? null), loading: ref(state.loading ?? false), refetch: () => retried.push('retry') },
  };
}

function mountTable(query: ReturnType<typeof queryOf>['query'], rows: Row[], label?: string) {
  mountInApp({
    render: () =>
      h(PagePanel, { id: 'kinds-title', title: 'Types d’étape' }, () =>
        h(QueryTable<Row>, { query, rows, emptyText: 'Aucun type pour le moment.', label }, () => h(Column, { field: 'label', header: 'Libellé' })),
      ),
  });
}

afterEach(() => {
  document.body.innerHTML = '';
});

describe('QueryTable', () => {
  it('lists the rows read, in a table named by its panel’s heading', async () => {
    mountTable(queryOf({ data: {} }).query, [{ id: '1', label: 'Immersion' }]);
    await flushPromises();
    const table = document.querySelector('table')!;
    expect(document.getElementById(table.getAttribute('aria-labelledby')!)?.textContent).toBe('Types d’étape');
    expect(table.textContent).toContain('Immersion');
  });

  it('takes a name of its own when it says more than the heading', async () => {
    mountTable(queryOf({ data: {} }).query, [{ id: '1', label: 'Immersion' }], 'Occupation des sessions');
    await flushPromises();
    expect(document.querySelector('table')?.getAttribute('aria-label')).toBe('Occupation des sessions');
  });

  it('says there is nothing rather than show an empty table', async () => {
    mountTable(queryOf({ data: {} }).query, []);
    await flushPromises();
    expect(document.querySelector('table')).toBeNull();
    expect(document.body.textContent).toContain('Aucun type pour le moment.');
  });

  it('says it is loading, then a failure with « Réessayer »', async () => {
    mountTable(queryOf({ loading: true }).query, []);
    expect(document.body.textContent).toContain('Chargement');
    expect(document.body.textContent).not.toContain('Aucun type');
    document.body.innerHTML = '';
    const failed = queryOf({ error: new Error('network') });
    mountTable(failed.query, []);
    await flushPromises();
    [...document.querySelectorAll('button')].find((b) => b.textContent?.includes('Réessayer'))!.click();
    expect(failed.retried).toEqual(['retry']);
  });
});
