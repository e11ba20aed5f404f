// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { createMemoryHistory, createRouter } from 'vue-router';
import { defineComponent, h, ref } from 'vue';
import { mount } from '@vue/test-utils';
import PrimeVue from 'primevue/config';
import { i18n } from '@/app/i18n';
import PageFormActions from './PageFormActions.vue';

function mountActions(error: string | null, busy = { form: false, page: false }) {
  const router = createRouter({ history: createMemoryHistory(), routes: [{ path: '/list', name: 'list', component: defineComponent(() => () => h('div')) }] });
  return mount(PageFormActions, {
    props: {
      form: { formError: ref(error), busy: ref(busy.form) },
      cancelTo: { name: 'list' },
      submitLabel: 'Envoyer',
      submitIcon: 'pi pi-send',
      busy: busy.page,
    },
    global: { plugins: [i18n, PrimeVue, router] },
  });
}

afterEach(() => {
  document.body.innerHTML = '';
});

describe('PageFormActions', () => {
  it('ends a page form: « Annuler » back to the list, then the submit button', () => {
    const wrapper = mountActions(null);
    expect(wrapper.get('a').attributes('href')).toBe('/list');
    expect(wrapper.get('a').text()).toContain('Annuler');
    expect(wrapper.get('button[type="submit"]').text()).toContain('Envoyer');
    expect(wrapper.find('[role="alert"]').exists()).toBe(false);
  });

  it("says the form's error, read out as it appears", () => {
    expect(mountActions('Erreur réseau.').get('[role="alert"]').text()).toContain('Erreur réseau.');
  });

  it('is busy while the form is sent, or while the page does work of its own', () => {
    const submitBusy = (busy: { form: boolean; page: boolean }) => mountActions(null, busy).get('button[type="submit"]').attributes('disabled');
    expect(mountActions(null).get('button[type="submit"]').attributes('disabled')).toBeUndefined();
    expect(submitBusy({ form: true, page: false })).toBeDefined();
    expect(submitBusy({ form: false, page: true })).toBeDefined();
  });
});
