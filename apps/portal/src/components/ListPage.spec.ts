// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { flushPromises } from '@vue/test-utils';
import Column from 'primevue/column';
import { h } from 'vue';
import ListPage from './ListPage.vue';
import { setViewer, type Viewer } from '@/composables/use-viewer';
import { connectionListOf } from '@/testing/connection-list';
import { mountInApp } from '@/testing/mount-in-app';

type Row = { id: string; name: string };

function mountPage(rows: Row[], filtered: boolean) {
  const { list } = connectionListOf<Row>(rows, rows.length, false);
  mountInApp({
    render: () =>
      h(
        ListPage<Row>,
        { messages: 'partner.list', listId: 'partner-list-title', list, filtered },
        {
          filters: () => h('input', { id: 'search' }),
          default: () => h(Column, { field: 'name', header: 'Nom' }),
        },
      ),
  });
}

afterEach(() => {
  document.body.innerHTML = '';
  setViewer(null);
});

describe('ListPage', () => {
  it('words the page from its messages, naming the viewer’s organisation, and names the table by its panel', async () => {
    setViewer({ activeMembership: { organisation: { name: 'CCAS d’Échirolles' }, tenant: { name: 'PLIE Grenoble' } } } as Viewer);
    mountPage([{ id: '1', name: 'Sophie Martin' }], false);
    await flushPromises();
    expect(document.querySelector('h1')?.textContent).toBe('Personnes partagées avec la structure CCAS d’Échirolles');
    expect(document.getElementById('partner-list-title')?.textContent).toBe('Personnes partagées');
    expect(document.querySelector('[role="search"]')?.getAttribute('aria-label')).toBe('Rechercher parmi les personnes partagées');
    expect(document.querySelector('table')?.getAttribute('aria-labelledby')).toBe('partner-list-title');
    expect(document.body.textContent).toContain('1 personne');
    expect(document.body.textContent).toContain('Sophie Martin');
  });

  it('says nothing is listed, or nothing matches once filtered', async () => {
    mountPage([], false);
    await flushPromises();
    expect(document.body.textContent).toContain('Aucune personne ne vous est partagée pour le moment.');
    document.body.innerHTML = '';
    mountPage([], true);
    await flushPromises();
    expect(document.body.textContent).toContain('Aucune personne partagée ne correspond à la recherche.');
  });
});
