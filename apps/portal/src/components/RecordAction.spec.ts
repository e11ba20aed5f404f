// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { mount } from '@vue/test-utils';
import PrimeVue from 'primevue/config';
import RecordAction from './RecordAction.vue';

const mountAction = (exists: boolean) =>
  mount(RecordAction, {
    props: { exists, createLabel: 'Établir le contrat', editLabel: 'Avenant', editIcon: 'pi pi-file-edit' },
    global: { plugins: [PrimeVue] },
  });

describe('RecordAction', () => {
  it('offers to create the record while there is none, as the panel’s main action', () => {
    const button = mountAction(false).get('button');
    expect(button.text()).toBe('Établir le contrat');
    expect(button.find('.pi-plus').exists()).toBe(true);
    expect(button.classes()).not.toContain('p-button-secondary');
  });

  it('then offers to change it, as a secondary action, and says when it is clicked', async () => {
    const wrapper = mountAction(true);
    const button = wrapper.get('button');
    expect(button.text()).toBe('Avenant');
    expect(button.find('.pi-file-edit').exists()).toBe(true);
    expect(button.classes()).toContain('p-button-secondary');
    await button.trigger('click');
    expect(wrapper.emitted('click')).toHaveLength(1);
  });
});
