// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { defineComponent, h, nextTick, ref } from 'vue';
import CheckboxListField from './CheckboxListField.vue';
import { inputById } from '@/testing/form-actions';
import { mountInApp } from '@/testing/mount-in-app';

const OPTIONS = [
  { value: 'IDENTITY', label: 'Identité' },
  { value: 'HEALTH', label: 'Santé' },
];

function mountList(invalid = false, inline = false) {
  const chosen = ref<string[]>(['IDENTITY']);
  mountInApp(
    defineComponent(
      () => () =>
        h(CheckboxListField, {
          idPrefix: 'consent-class',
          options: OPTIONS,
          invalid,
          inline,
          modelValue: chosen.value,
          'onUpdate:modelValue': (v: string[]) => (chosen.value = v),
        }),
    ),
  );
  return chosen;
}

afterEach(() => {
  document.body.innerHTML = '';
});

describe('CheckboxListField', () => {
  it('labels each box by its option, ticked when chosen, and adds what is ticked', async () => {
    const chosen = mountList();
    expect(document.querySelector('label[for="consent-class-HEALTH"]')?.textContent).toBe('Santé');
    expect(inputById('consent-class-IDENTITY').checked).toBe(true);
    expect(inputById('consent-class-HEALTH').checked).toBe(false);
    inputById('consent-class-HEALTH').click();
    await nextTick();
    expect(chosen.value).toEqual(['IDENTITY', 'HEALTH']);
  });

  it('marks every box invalid when the choice is refused', () => {
    mountList(true);
    expect(inputById('consent-class-HEALTH').getAttribute('aria-invalid')).toBe('true');
  });

  it('lays the boxes side by side in a choice grid when inline', () => {
    mountList(false, true);
    expect(inputById('consent-class-HEALTH').closest('.choice-option')).not.toBeNull();
    expect(document.querySelector('.checkbox-field')).toBeNull();
  });
});
