// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { flushPromises } from '@vue/test-utils';
import Column from 'primevue/column';
import { defineComponent, h } from 'vue';
import ConnectionTable from './ConnectionTable.vue';
import type { ConnectionList } from '@/composables/use-connection-query';
import { connectionListOf } from '@/testing/connection-list';
import { mountInApp } from '@/testing/mount-in-app';

type Row = { id: string; name: string };

const listOf = (rows: Row[], total: number, hasNextPage: boolean) => connectionListOf(rows, total, hasNextPage);

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

  it('lays the nodes out as the page says in slot `list`, saying when there are none', async () => {
    const { list } = listOf([{ id: '1', name: 'Entretien du 3 mars' }], 1, false);
    mountInApp(
      defineComponent(
        () => () =>
          h(
            ConnectionTable<Row>,
            { list, emptyText: 'Aucun rendez-vous.' },
            {
              list: ({ nodes }: { nodes: Row[] }) =>
                h(
                  'ol',
                  nodes.map((n) => h('li', n.name)),
                ),
            },
          ),
      ),
    );
    await flushPromises();
    expect([...document.querySelectorAll('ol li')].map((li) => li.textContent)).toEqual(['Entretien du 3 mars']);
    expect(document.querySelector('table')).toBeNull();
    list.nodes.value = [];
    await flushPromises();
    expect(document.querySelector('ol')).toBeNull();
    expect(document.body.textContent).toContain('Aucun rendez-vous.');
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

  it('says more than the empty text when the page fills slot `empty`', async () => {
    const { list } = listOf([], 0, false);
    mountInApp(
      defineComponent(
        () => () =>
          h(
            ConnectionTable<Row>,
            { list, emptyText: 'Aucun participant.' },
            {
              default: () => h(Column, { field: 'name', header: 'Nom' }),
              empty: () => h('p', 'Créez une fiche pour commencer.'),
            },
          ),
      ),
    );
    await flushPromises();
    expect(document.body.textContent).toContain('Créez une fiche pour commencer.');
  });
});
