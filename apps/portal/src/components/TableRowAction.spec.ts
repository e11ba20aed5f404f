// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { mount } from '@vue/test-utils';
import PrimeVue from 'primevue/config';
import TableRowAction from './TableRowAction.vue';

const mountAction = (attrs: Record<string, unknown> = {}) =>
  mount(TableRowAction, {
    props: { label: 'Modifier', rowLabel: 'Modifier la structure Mission locale', icon: 'pi pi-pencil' },
    attrs,
    global: { plugins: [PrimeVue] },
  });

describe('TableRowAction', () => {
  it('shows its short label and names the row for a screen reader, a small secondary button', async () => {
    const wrapper = mountAction();
    const button = wrapper.get('button');
    expect(button.text()).toBe('Modifier');
    expect(button.attributes('aria-label')).toBe('Modifier la structure Mission locale');
    expect(button.find('.pi-pencil').exists()).toBe(true);
    expect(button.classes()).toEqual(expect.arrayContaining(['p-button-secondary', 'p-button-sm']));
    await button.trigger('click');
    expect(wrapper.emitted('click')).toHaveLength(1);
  });

  it('takes the severity and look a row asks for (a revocation is dangerous)', () => {
    const button = mountAction({ severity: 'danger', outlined: true }).get('button');
    expect(button.classes()).toEqual(expect.arrayContaining(['p-button-danger', 'p-button-outlined']));
    expect(button.classes()).not.toContain('p-button-secondary');
  });
});
