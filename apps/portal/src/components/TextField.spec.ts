// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { defineComponent, h, nextTick, ref } from 'vue';
import Textarea from 'primevue/textarea';
import TextField from './TextField.vue';
import { mountInApp } from '@/testing/mount-in-app';

function mountText(props: Record<string, unknown>) {
  const text = ref('');
  const wrapper = mountInApp(
    defineComponent(
      () => () =>
        h(TextField, { id: 'note', label: 'Note', modelValue: text.value, 'onUpdate:modelValue': (v: string | undefined) => (text.value = v ?? ''), ...props }),
    ),
  );
  return { wrapper, text, control: () => document.getElementById('note')! };
}

afterEach(() => {
  document.body.innerHTML = '';
});

describe('TextField', () => {
  it('is a labelled text box, its error announced with it', async () => {
    const { control } = mountText({ error: 'Obligatoire.', maxlength: '20' });
    await nextTick();
    expect(control().tagName).toBe('INPUT');
    expect(document.querySelector('label[for="note"]')?.textContent).toBe('Note');
    expect(control().getAttribute('maxlength')).toBe('20');
    expect(control().getAttribute('aria-invalid')).toBe('true');
    expect(control().getAttribute('aria-describedby')).toBe('note-error');
  });

  it('is a text area of `rows` lines, which grows with its text', async () => {
    const { wrapper, control, text } = mountText({ rows: '3', hint: 'Quelques mots.' });
    await nextTick();
    expect(control().tagName).toBe('TEXTAREA');
    expect(control().getAttribute('rows')).toBe('3');
    expect(control().getAttribute('aria-describedby')).toBe('note-hint');
    expect(wrapper.findComponent(Textarea).props('autoResize')).toBe(true);
    (control() as HTMLTextAreaElement).value = 'Bonjour';
    control().dispatchEvent(new Event('input'));
    expect(text.value).toBe('Bonjour');
  });
});
