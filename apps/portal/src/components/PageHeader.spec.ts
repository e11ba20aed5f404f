// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { h, nextTick, ref } from 'vue';
import PageHeader from './PageHeader.vue';
import { mountInApp } from '@/testing/mount-in-app';

afterEach(() => {
  document.body.innerHTML = '';
});

describe('PageHeader', () => {
  it('titles the page and says what it is for', () => {
    mountInApp({ render: () => h(PageHeader, { title: 'Quartiers prioritaires', description: 'Les QPV du PLIE.' }) });
    expect(document.querySelector('h1')?.textContent).toBe('Quartiers prioritaires');
    expect(document.querySelector('.page-description')?.textContent).toBe('Les QPV du PLIE.');
    expect(document.querySelector('.page-actions')).toBeNull();
  });

  it('sums a record up under its title', () => {
    mountInApp({
      render: () => h(PageHeader, { title: 'Boulangerie Martin' }, { default: () => [h('span', 'Employeur'), h('span', 'Partenaire de la Ville')] }),
    });
    expect(document.querySelector('h1 + .participant-summary')?.textContent).toBe('EmployeurPartenaire de la Ville');
  });

  it('offers its one action as a button beside the title, and none without a label', async () => {
    let asked = 0;
    const action = ref<string | null>('Ajouter un quartier');
    mountInApp({ render: () => h(PageHeader, { title: 'Quartiers', action: action.value, actionIcon: 'pi pi-plus', onAction: () => asked++ }) });
    const button = document.querySelector<HTMLButtonElement>('.page-actions button')!;
    expect(button.textContent).toContain('Ajouter un quartier');
    expect(button.classList.contains('p-button-secondary')).toBe(false);
    button.click();
    expect(asked).toBe(1);
    action.value = null;
    await nextTick();
    expect(document.querySelector('.page-actions')).toBeNull();
  });

  it('makes a secondary action quieter, and lets slot `actions` say more than one button', () => {
    mountInApp({ render: () => h(PageHeader, { title: 'Suivi', action: 'Modifier la cible', actionSecondary: true }) });
    expect(document.querySelector('.page-actions button')?.classList.contains('p-button-secondary')).toBe(true);
    document.body.innerHTML = '';
    mountInApp({ render: () => h(PageHeader, { title: 'Agenda' }, { actions: () => [h('a', { href: '#' }, 'Exporter'), h('button', 'Nouveau')] }) });
    expect(document.querySelectorAll('.page-actions > *')).toHaveLength(2);
  });
});
