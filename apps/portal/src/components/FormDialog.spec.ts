// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { CombinedGraphQLErrors } from '@apollo/client';
import { flushPromises } from '@vue/test-utils';
import InputText from 'primevue/inputtext';
import { defineComponent, h, nextTick, ref } from 'vue';
import FormDialog from './FormDialog.vue';
import FormField from './FormField.vue';
import { useFormDialog } from '@/composables/use-form-dialog';
import type { MutationResult } from '@/composables/use-mutation';
import { clickSubmit, inputById, typeInto } from '@/testing/form-actions';
import { mountInApp } from '@/testing/mount-in-app';

type Answer = MutationResult<{ saved: string }>;

function refusal(extensions: Record<string, unknown>, message = 'Refusé'): Answer {
  return { ok: false, error: new CombinedGraphQLErrors({ errors: [{ message, extensions: { code: 'BAD_USER_INPUT', ...extensions } }] }) };
}

/** A two-field dialog as the portal's are built: `answer` is what the API says to the next submission. */
function mountDialog(answer: () => Answer | Promise<Answer>, dialogProps: Record<string, unknown> = {}) {
  const visible = ref(true);
  const sent: string[] = [];
  const Harness = defineComponent(() => {
    const name = ref('');
    const city = ref('');
    const form = useFormDialog({
      id: 'test-form',
      visible,
      fields: ['name', 'city'] as const,
      clearWhenChanged: { name, city },
      reset() {
        name.value = '';
        city.value = 'Grenoble';
      },
    });
    const submit = () =>
      form.submit({
        check: () => form.require({ name: name.value }),
        send: async () => {
          sent.push(name.value);
          return answer();
        },
        success: (data) => `Enregistré : ${data.saved}`,
      });
    const field = (id: 'name' | 'city', model: typeof name) =>
      h(
        FormField,
        { id, label: id, error: form.fieldErrors[id] },
        {
          default: ({ invalid, control }: { invalid: boolean; control: Record<string, unknown> }) =>
            h(InputText, { id, modelValue: model.value, 'onUpdate:modelValue': (v: string | undefined) => (model.value = v ?? ''), invalid, ...control }),
        },
      );
    return () =>
      h(
        FormDialog,
        { form, header: 'Essai', submitLabel: 'Enregistrer', onSubmit: submit, ...dialogProps },
        { default: () => [field('name', name), field('city', city)] },
      );
  });
  const wrapper = mountInApp(Harness);
  return { wrapper, visible, sent };
}

afterEach(() => {
  document.body.innerHTML = '';
});

describe('FormDialog with useFormDialog', () => {
  it('refuses an empty required field before sending, marks it and moves focus to it', async () => {
    const { sent } = mountDialog(() => ({ ok: true, data: { saved: 'x' } }));
    await nextTick();
    await clickSubmit();
    expect(sent).toEqual([]);
    expect(inputById('name').getAttribute('aria-invalid')).toBe('true');
    expect(document.getElementById('name-error')?.textContent).toContain('obligatoire');
    expect(inputById('name').getAttribute('aria-describedby')).toBe('name-error');
    expect(document.activeElement).toBe(inputById('name'));
  });

  it('puts every field the API names in `fields` on that field, and focuses the first', async () => {
    mountDialog(() =>
      refusal(
        {
          field: 'name',
          fields: [
            { field: 'name', message: 'Nom trop long.' },
            { field: 'city', message: 'Commune inconnue.' },
          ],
        },
        'Nom trop long.',
      ),
    );
    await nextTick();
    await typeInto('name', 'Sophie');
    await clickSubmit();
    expect(document.getElementById('name-error')?.textContent).toContain('Nom trop long.');
    expect(document.getElementById('city-error')?.textContent).toContain('Commune inconnue.');
    expect(inputById('name').getAttribute('aria-invalid')).toBe('true');
    expect(inputById('city').getAttribute('aria-invalid')).toBe('true');
    expect(document.activeElement).toBe(inputById('name'));
    expect(document.querySelector('[role="alert"]')).toBeNull();
  });

  it('reads the single `field` of an API that names only one', async () => {
    mountDialog(() => refusal({ field: 'city' }, 'Commune inconnue.'));
    await nextTick();
    await typeInto('name', 'Sophie');
    await clickSubmit();
    expect(document.getElementById('city-error')?.textContent).toContain('Commune inconnue.');
    expect(inputById('name').getAttribute('aria-invalid')).toBeNull();
    expect(document.activeElement).toBe(inputById('city'));
  });

  it('says an error about no field of the form for the whole form', async () => {
    mountDialog(() => refusal({ field: 'version' }, 'Modifié entre-temps.'));
    await nextTick();
    await typeInto('name', 'Sophie');
    await clickSubmit();
    expect(document.querySelector('[role="alert"]')?.textContent).toContain('Modifié entre-temps.');
  });

  // A record the page holds (closeOnReload): the dialog closes, and the page shows the record as it is now.
  it.each([
    { closeOnReload: false, open: true },
    { closeOnReload: true, open: false },
  ])('offers to read the record again when someone changed it meanwhile, and only then (closeOnReload: $closeOnReload)', async ({ closeOnReload, open }) => {
    const reloads: string[] = [];
    let answer = refusal({ field: 'version' }, 'Refusé.');
    const { visible } = mountDialog(() => answer, { reloadLabel: 'Recharger la fiche', closeOnReload, onReload: () => reloads.push('reload') });
    await nextTick();
    await typeInto('name', 'Sophie');
    await clickSubmit();
    const reloadButton = () => [...document.querySelectorAll('button')].find((b) => b.textContent?.includes('Recharger la fiche'));
    expect(reloadButton()).toBeUndefined();
    answer = {
      ok: false,
      error: new CombinedGraphQLErrors({ errors: [{ message: 'Modifié entre-temps.', extensions: { code: 'CONFLICT' } }] }),
    };
    await clickSubmit();
    reloadButton()!.click();
    expect(reloads).toEqual(['reload']);
    expect(visible.value).toBe(open);
  });

  it('shows the submit button busy while the API answers', async () => {
    let answer!: (a: Answer) => void;
    mountDialog(() => new Promise<Answer>((resolve) => (answer = resolve)));
    await nextTick();
    await typeInto('name', 'Sophie');
    (document.querySelector('button[type="submit"]') as HTMLButtonElement).click();
    await flushPromises();
    expect((document.querySelector('button[type="submit"]') as HTMLButtonElement).disabled).toBe(true);
    answer({ ok: true, data: { saved: 'Sophie' } });
    await flushPromises();
  });

  it('closes on success, and is new again when reopened', async () => {
    const { visible, sent } = mountDialog(() => ({ ok: true, data: { saved: 'Sophie' } }));
    await nextTick();
    await typeInto('name', 'Sophie');
    await typeInto('city', 'Échirolles');
    await clickSubmit();
    expect(sent).toEqual(['Sophie']);
    expect(visible.value).toBe(false);
    visible.value = true;
    await flushPromises();
    expect(inputById('name').value).toBe('');
    expect(inputById('city').value).toBe('Grenoble');
  });

  it('forgets the errors of the last opening when reopened', async () => {
    const { visible } = mountDialog(() => refusal({ field: 'city' }, 'Commune inconnue.'));
    await nextTick();
    await clickSubmit();
    expect(inputById('name').getAttribute('aria-invalid')).toBe('true');
    [...document.querySelectorAll('button')].find((button) => button.textContent?.includes('Annuler'))!.click();
    await flushPromises();
    expect(visible.value).toBe(false);
    visible.value = true;
    await flushPromises();
    expect(inputById('name').getAttribute('aria-invalid')).toBeNull();
    expect(document.getElementById('name-error')).toBeNull();
  });
});
