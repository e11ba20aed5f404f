// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { h, ref } from 'vue';
import RecordPanel from './RecordPanel.vue';
import { mountInApp } from '@/testing/mount-in-app';

/** A query as useQuery gives it: read (`data`), failed (`error`) or still loading. */
const queryOf = (state: { data?: unknown; error?: unknown; loading?: boolean }) => ({
  data: ref(state.data ?? null),
  error: ref(state.error ?? null),
  loading: ref(state.loading ?? false),
  refetch: () => undefined,
});

function mountPanel(query: ReturnType<typeof queryOf>, props: { exists: boolean; canEdit: boolean }) {
  return mountInApp(RecordPanel, {
    props: { id: 'contract-title', title: 'Contrat d’engagement', query, createLabel: 'Établir le contrat', editLabel: 'Avenant', ...props },
    slots: { default: () => h('p', 'Version initiale') },
  });
}

afterEach(() => {
  document.body.innerHTML = '';
});

describe('RecordPanel', () => {
  it('offers to establish the record once read and there is none, and says when it is asked', async () => {
    const wrapper = mountPanel(queryOf({ data: { contracts: [] } }), { exists: false, canEdit: true });
    const section = document.querySelector('section')!;
    expect(document.getElementById(section.getAttribute('aria-labelledby')!)?.textContent).toBe('Contrat d’engagement');
    const button = wrapper.get('button');
    expect(button.text()).toBe('Établir le contrat');
    await button.trigger('click');
    expect(wrapper.emitted('edit')).toHaveLength(1);
    expect(section.textContent).toContain('Version initiale');
  });

  it('offers to change the record there is', () => {
    const wrapper = mountPanel(queryOf({ data: { contracts: [{}] } }), { exists: true, canEdit: true });
    expect(wrapper.get('button').text()).toBe('Avenant');
  });

  it('offers nothing to who may not edit', () => {
    const wrapper = mountPanel(queryOf({ data: { contracts: [] } }), { exists: false, canEdit: false });
    expect(wrapper.find('button').exists()).toBe(false);
    expect(document.body.textContent).toContain('Version initiale');
  });

  it('offers nothing before the record is read, nor when it could not be: it may exist', () => {
    mountPanel(queryOf({ loading: true }), { exists: false, canEdit: true });
    expect(document.body.textContent).toContain('Chargement');
    expect(document.body.textContent).not.toContain('Établir le contrat');
    document.body.innerHTML = '';

    mountPanel(queryOf({ error: new Error('réseau') }), { exists: false, canEdit: true });
    expect(document.body.textContent).toContain('Réessayer');
    expect(document.body.textContent).not.toContain('Établir le contrat');
    expect(document.body.textContent).not.toContain('Version initiale');
  });
});
