// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { flushPromises } from '@vue/test-utils';
import Column from 'primevue/column';
import { h, nextTick, ref } from 'vue';
import ConnectionTable from './ConnectionTable.vue';
import PagePanel from './PagePanel.vue';
import { connectionListOf } from '@/testing/connection-list';
import { mountInApp } from '@/testing/mount-in-app';

type Row = { id: string; name: string };
const { list } = connectionListOf<Row>([{ id: '1', name: 'Sophie Martin' }], 1, false);

afterEach(() => {
  document.body.innerHTML = '';
});

describe('PagePanel', () => {
  it('is named by its heading, its filters a search landmark, its table named by the heading too', async () => {
    mountInApp({
      render: () =>
        h(
          PagePanel,
          { id: 'members-title', title: 'Membres', filtersLabel: 'Filtrer les membres' },
          {
            filters: () => h('input', { id: 'search' }),
            default: () => h(ConnectionTable<Row>, { list, emptyText: 'Aucun membre.' }, { default: () => h(Column, { field: 'name', header: 'Nom' }) }),
          },
        ),
    });
    await flushPromises();
    const section = document.querySelector('section')!;
    expect(document.getElementById(section.getAttribute('aria-labelledby')!)?.textContent).toBe('Membres');
    expect(document.querySelector('[role="search"]')?.getAttribute('aria-label')).toBe('Filtrer les membres');
    expect(document.querySelector('[role="search"] #search')).not.toBeNull();
    expect(document.querySelector('table')?.getAttribute('aria-labelledby')).toBe('members-title');
  });

  it('puts what can be done from it beside the heading', () => {
    mountInApp({ render: () => h(PagePanel, { id: 'plan-title', title: 'Plan d’action' }, { actions: () => h('button', 'Ajouter une étape') }) });
    expect(document.querySelector('.panel-header h2')?.textContent).toBe('Plan d’action');
    expect(document.querySelector('.panel-header button')?.textContent).toBe('Ajouter une étape');
    expect(document.querySelector('[role="search"]')).toBeNull();
  });

  it('offers its one action beside the heading as a button, and none without a label', async () => {
    let asked = 0;
    const action = ref<string | null>('Ajouter une note');
    mountInApp({
      render: () => h(PagePanel, { id: 'journal-title', title: 'Journal', action: action.value, actionIcon: 'pi pi-plus', onAction: () => asked++ }),
    });
    const button = document.querySelector<HTMLButtonElement>('.panel-header button')!;
    expect(button.textContent).toContain('Ajouter une note');
    expect(button.classList.contains('p-button-secondary')).toBe(false);
    button.click();
    expect(asked).toBe(1);
    action.value = null;
    await nextTick();
    expect(document.querySelector('.panel-header')).toBeNull();
    expect(document.querySelector('h2')?.textContent).toBe('Journal');
  });

  it('makes an action that changes what the panel shows a smaller, secondary one', () => {
    mountInApp({ render: () => h(PagePanel, { id: 'identity-title', title: 'Identité', action: 'Modifier', actionSecondary: true }) });
    const button = document.querySelector('.panel-header button')!;
    expect(button.classList.contains('p-button-secondary')).toBe(true);
    expect(button.classList.contains('p-button-sm')).toBe(true);
  });
});
