// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { h, ref, type Component } from 'vue';
import { mount } from '@vue/test-utils';
import PrimeVue from 'primevue/config';
import { createMemoryHistory, createRouter } from 'vue-router';
import { i18n } from '@/app/i18n';
import type { RecordShown } from '@/composables/use-record-query';
import MessagePage from './MessagePage.vue';
import RecordPage from './RecordPage.vue';

const router = createRouter({ history: createMemoryHistory(), routes: [{ path: '/reunions', name: 'meetings', component: { render: () => null } }] });

/** A meeting's page showing `shown`; `retried` counts the « Réessayer ». */
function pageOf(shown: RecordShown, record: { title: string } | null = null) {
  const retried: string[] = [];
  const query = {
    record: ref(record),
    shown: ref(shown),
    error: ref<unknown>(new Error('network')),
    loading: ref(false),
    refetch: () => retried.push('retry'),
  };
  const wrapper = mount(
    {
      render: () =>
        h(
          RecordPage as unknown as Component,
          {
            query,
            back: { name: 'meetings' },
            backLabel: 'Réunions',
          },
          {
            default: ({ record }: { record: { title: string } }) => h('h1', record.title),
            notFound: () => h(MessagePage, { id: 'meeting-not-found', title: 'Réunion introuvable', text: 'Elle a peut-être été supprimée.' }),
            unread: () => h('p', 'Dossier incomplet'),
          },
        ),
    },
    { attachTo: document.body, global: { plugins: [i18n, PrimeVue, router] } },
  );
  return { wrapper, retried };
}

afterEach(() => {
  document.body.innerHTML = '';
});

describe('RecordPage', () => {
  it('links back to the list and says it is loading', () => {
    const { wrapper } = pageOf('loading');
    expect(wrapper.get('a.back-link').attributes('href')).toBe('/reunions');
    expect(wrapper.get('a.back-link').text()).toBe('Réunions');
    expect(wrapper.find('[role="status"]').text()).toContain('Chargement');
  });

  it('says, in a section its heading names, that the record is not found', () => {
    const { wrapper } = pageOf('notFound');
    const section = wrapper.get('section.message-page');
    expect(section.attributes('aria-labelledby')).toBe('meeting-not-found');
    expect(section.get('h1#meeting-not-found').text()).toBe('Réunion introuvable');
    expect(section.text()).toContain('Elle a peut-être été supprimée.');
    expect(wrapper.text()).not.toContain('Réessayer');
  });

  it('says what its messages say when there is no such record, and links back with their words', () => {
    const query = { record: ref(null), shown: ref<RecordShown>('notFound'), error: ref<unknown>(null), loading: ref(false), refetch: () => undefined };
    const wrapper = mount(
      { render: () => h(RecordPage as unknown as Component, { query, back: { name: 'meetings' }, messages: 'meetings.page' }, { default: () => null }) },
      { attachTo: document.body, global: { plugins: [i18n, PrimeVue, router] } },
    );
    expect(wrapper.get('a.back-link').text()).toBe('Toutes les réunions');
    const section = wrapper.get('section.message-page');
    expect(wrapper.get(`h1#${section.attributes('aria-labelledby')}`).text()).toBe('Réunion introuvable');
  });

  it('says a failure with « Réessayer »', async () => {
    const { wrapper, retried } = pageOf('failed');
    await wrapper
      .findAll('button')
      .find((b) => b.text().includes('Réessayer'))!
      .trigger('click');
    expect(retried).toEqual(['retry']);
  });

  it('shows the record once read', () => {
    const { wrapper } = pageOf('record', { title: 'Commission du 12 mai' });
    expect(wrapper.get('h1').text()).toBe('Commission du 12 mai');
    expect(wrapper.find('[role="status"]').exists()).toBe(false);
  });

  it('leaves the page to say why a record read cannot be shown', () => {
    const { wrapper } = pageOf('unread');
    expect(wrapper.text()).toContain('Dossier incomplet');
  });
});
