// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { mount } from '@vue/test-utils';
import FieldError from './FieldError.vue';

describe('FieldError', () => {
  it('says the error under its id, its icon hidden from screen readers', () => {
    const wrapper = mount(FieldError, { props: { id: 'name-error', error: 'Champ obligatoire.' } });
    expect(wrapper.get('#name-error').text()).toBe('Champ obligatoire.');
    expect(wrapper.get('i').attributes('aria-hidden')).toBe('true');
  });

  it('is nothing when there is no error', () => {
    expect(
      mount(FieldError, { props: { id: 'name-error', error: null } })
        .find('small')
        .exists(),
    ).toBe(false);
  });
});
