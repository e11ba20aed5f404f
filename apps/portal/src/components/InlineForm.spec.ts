// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { CombinedGraphQLErrors } from '@apollo/client';
import { defineComponent, h, nextTick, ref } from 'vue';
import InlineForm from './InlineForm.vue';
import TextField from './TextField.vue';
import { useFormDialog } from '@/composables/use-form-dialog';
import type { MutationResult } from '@/composables/use-mutation';
import { clickSubmit, inputById } from '@/testing/form-actions';
import { mountInApp } from '@/testing/mount-in-app';

type Answer = MutationResult<{ saved: string }>;

/** A one-field form in the page, as the journal's: `answer` is what the API says to the next submission. */
function mountForm(answer: () => Answer) {
  const shown = ref(false);
  const sent: string[] = [];
  const Harness = defineComponent(() => {
    const note = ref('');
    const form = useFormDialog({
      id: 'note-form',
      visible: shown,
      fields: ['note'] as const,
      reset: () => (note.value = 'brouillon'),
    });
    const submit = () =>
      form.submit({
        check: () => form.require({ note: note.value }),
        send: async () => {
          sent.push(note.value);
          return answer();
        },
        success: () => 'Note ajoutée',
      });
    return () =>
      h(
        InlineForm,
        { form, formLabel: 'Ajouter une note', submitLabel: 'Ajouter', onSubmit: submit },
        {
          default: () =>
            h(TextField, {
              id: 'note',
              label: 'Note',
              error: form.fieldErrors.note,
              modelValue: note.value,
              'onUpdate:modelValue': (v?: string) => (note.value = v ?? ''),
            }),
        },
      );
  });
  mountInApp(Harness);
  return { shown, sent };
}

const note = () => inputById('note');

afterEach(() => {
  document.body.innerHTML = '';
});

describe('InlineForm', () => {
  it('shows nothing until opened, then a fresh form', async () => {
    const { shown } = mountForm(() => ({ ok: true, data: { saved: 'x' } }));
    expect(document.querySelector('form')).toBeNull();
    shown.value = true;
    await nextTick();
    expect(note().value).toBe('brouillon');
  });

  it('marks an empty field, sends nothing, and keeps focus on it', async () => {
    const { shown, sent } = mountForm(() => ({ ok: true, data: { saved: 'x' } }));
    shown.value = true;
    await nextTick();
    note().value = '';
    note().dispatchEvent(new Event('input'));
    await clickSubmit();
    expect(sent).toEqual([]);
    expect(note().getAttribute('aria-invalid')).toBe('true');
    expect(document.activeElement).toBe(note());
  });

  it('says a refusal about no field of the form for the whole form, and stays open', async () => {
    const refusal = new CombinedGraphQLErrors({ errors: [{ message: 'Ce parcours est clos.', extensions: { code: 'BAD_USER_INPUT', field: 'pathwayId' } }] });
    const { shown } = mountForm(() => ({ ok: false, error: refusal }));
    shown.value = true;
    await nextTick();
    await clickSubmit();
    expect(document.querySelector('[role="alert"]')?.textContent).toContain('Ce parcours est clos.');
    expect(document.querySelector('form')).not.toBeNull();
  });

  it('closes once saved, and « Annuler » closes it too', async () => {
    const { shown, sent } = mountForm(() => ({ ok: true, data: { saved: 'x' } }));
    shown.value = true;
    await nextTick();
    await clickSubmit();
    expect(sent).toEqual(['brouillon']);
    expect(shown.value).toBe(false);
    shown.value = true;
    await nextTick();
    (document.querySelector('button[type="button"]') as HTMLButtonElement).click();
    await nextTick();
    expect(shown.value).toBe(false);
  });

  it('gives its first field the focus as it opens, when asked to', async () => {
    const shown = ref(false);
    const Harness = defineComponent(() => {
      const form = useFormDialog({ id: 'identity-form', visible: shown, fields: ['name'] as const });
      return () =>
        h(
          InlineForm,
          { form, formLabel: 'Modifier', submitLabel: 'Enregistrer', focusOnOpen: true },
          { default: () => h(TextField, { id: 'name', label: 'Nom' }) },
        );
    });
    mountInApp(Harness);
    shown.value = true;
    await nextTick();
    await nextTick();
    expect(document.activeElement?.id).toBe('name');
  });
});
