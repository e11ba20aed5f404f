// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { h, nextTick, ref } from 'vue';
import CheckboxField from './CheckboxField.vue';
import { mountInApp } from '@/testing/mount-in-app';

afterEach(() => {
  document.body.innerHTML = '';
});

describe('CheckboxField', () => {
  it('is a box named by its label, checked both ways', async () => {
    const shown = ref(false);
    mountInApp({
      render: () =>
        h(CheckboxField, {
          id: 'members-inactive',
          label: 'Afficher les inactifs',
          modelValue: shown.value,
          'onUpdate:modelValue': (v: boolean) => (shown.value = v),
        }),
    });
    const box = document.getElementById('members-inactive') as HTMLInputElement;
    expect(document.querySelector('label[for="members-inactive"]')?.textContent).toBe('Afficher les inactifs');
    box.click();
    await nextTick();
    expect(shown.value).toBe(true);
    shown.value = false;
    await nextTick();
    expect(box.checked).toBe(false);
  });
});
