// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { h } from 'vue';
import SummaryItem from './SummaryItem.vue';
import { mountInApp } from '@/testing/mount-in-app';

const mountItem = (props: { term: string; value?: string | null; missing?: string }, slot?: () => unknown) =>
  mountInApp({ render: () => h('dl', [h(SummaryItem, props, slot ? { default: slot } : undefined)]) });

afterEach(() => {
  document.body.innerHTML = '';
});

describe('SummaryItem', () => {
  it('gives the term and its value', () => {
    mountItem({ term: 'Téléphone', value: '06 12 34 56 78' });
    expect(document.querySelector('dt')?.textContent).toBe('Téléphone');
    expect(document.querySelector('dd')?.textContent).toBe('06 12 34 56 78');
  });

  it('says « Non renseigné », greyed, when there is no value, or what the page says instead', () => {
    mountItem({ term: 'Courriel', value: '' });
    expect(document.querySelector('dd .value-missing')?.textContent).toBe('Non renseigné');
    document.body.innerHTML = '';
    mountItem({ term: 'Référent', value: null, missing: 'Non partagé' });
    expect(document.querySelector('dd .value-missing')?.textContent).toBe('Non partagé');
  });

  it('shows a value richer than text from its slot', () => {
    mountItem({ term: 'Statut' }, () => h('strong', 'Actif'));
    expect(document.querySelector('dd strong')?.textContent).toBe('Actif');
  });
});
