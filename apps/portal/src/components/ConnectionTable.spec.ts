// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { flushPromises } from '@vue/test-utils';
import Column from 'primevue/column';
import { defineComponent, h, ref } from 'vue';
import ConnectionTable from './ConnectionTable.vue';
import type { ConnectionList } from '@/composables/use-connection-query';
import { mountInApp } from '@/testing/mount-in-app';

type Row = { id: string; name: string };

/** A list as useConnectionQuery gives it, its state set by the test. */
function listOf(rows: Row[], total: number, hasNextPage: boolean) {
  const nodes = ref(rows);
  const asked: string[] = [];
  const list: ConnectionList<Row> = {
    data: ref({}),
    error: ref(undefined),
    loading: ref(false),
    loadingMore: ref(false),
    moreError: ref(undefined),
    nodes,
    total: ref(total),
    pageInfo: ref({ hasNextPage }),
    loadMore: () => asked.push('more'),
    refetch: () => asked.push('refetch'),
  };
  return { list, asked };
}

function mountTable(list: ConnectionList<Row>) {
  return mountInApp(
    defineComponent(
      () => () =>
        h(
          ConnectionTable<Row>,
          { list, emptyText: 'Aucune orientation.', count: `${list.total.value} orientations` },
          { default: () => h(Column, { field: 'name', header: 'Nom' }) },
        ),
    ),
  );
}

afterEach(() => {
  document.body.innerHTML = '';
});

describe('ConnectionTable', () => {
  it('says there is nothing, and offers no « Afficher plus »', async () => {
    mountTable(listOf([], 0, false).list);
    await flushPromises();
    expect(document.body.textContent).toContain('Aucune orientation.');
    expect(document.body.textContent).not.toContain('Afficher plus');
  });

  it('shows the rows and the count, and asks for the next page', async () => {
    const { list, asked } = listOf([{ id: '1', name: 'Sophie Martin' }], 30, true);
    mountTable(list);
    await flushPromises();
    expect(document.body.textContent).toContain('Sophie Martin');
    expect(document.body.textContent).toContain('30 orientations');
    expect(document.body.textContent).not.toContain('Aucune orientation.');
    [...document.querySelectorAll('button')].find((b) => b.textContent?.includes('Afficher plus'))!.click();
    expect(asked).toEqual(['more']);
  });

  it('says the list could not be read, with a retry, until it has data', async () => {
    const { list, asked } = listOf([], 0, false);
    list.data.value = undefined;
    list.error.value = new Error('network');
    mountTable(list);
    await flushPromises();
    expect(document.body.textContent).not.toContain('Aucune orientation.');
    [...document.querySelectorAll('button')].find((b) => b.textContent?.includes('Réessayer'))!.click();
    expect(asked).toEqual(['refetch']);
  });
});
