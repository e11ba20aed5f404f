// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { defineComponent, h, nextTick, ref } from 'vue';
import { mountInApp } from '@/testing/mount-in-app';
import { useFormDialog, type FormDialogState } from './use-form-dialog';

afterEach(() => {
  document.body.innerHTML = '';
});

describe('useFormDialog', () => {
  it('gives one idempotency key per opening: a retry reuses it, the next creation does not', async () => {
    const visible = ref(true);
    let form!: FormDialogState;
    mountInApp(
      defineComponent(() => {
        form = useFormDialog({ id: 'f', visible, fields: ['name'], reset: () => {} });
        return () => h('div');
      }),
    );
    const first = form.idempotencyKey.value;
    await nextTick();
    expect(form.idempotencyKey.value).toBe(first);
    visible.value = false;
    await nextTick();
    visible.value = true;
    await nextTick();
    expect(form.idempotencyKey.value).not.toBe(first);
  });
});

describe('useFormDialog with values', () => {
  function mountForm(visible = ref(true)) {
    let form!: ReturnType<typeof make>;
    const start = ref('Grenoble');
    const make = () => useFormDialog({ id: 'f', visible, fields: ['version'], values: () => ({ name: '', city: start.value }) });
    mountInApp(
      defineComponent(() => {
        form = make();
        return () => h('div');
      }),
    );
    return { form, visible, start };
  }

  it('makes each value a field, bound by `field` to its value both ways and to its message', async () => {
    const { form } = mountForm();
    const name = form.field('name');
    expect(name.modelValue).toBe('');
    expect(name.error).toBeUndefined();
    name['onUpdate:modelValue']('Sophie');
    expect(form.values.name).toBe('Sophie');
    form.setField('name', 'Trop court.');
    expect(form.field('name')).toMatchObject({ modelValue: 'Sophie', error: 'Trop court.' });
    // The fields named besides the values are the form's too.
    form.setField('version', 'Modifié entre-temps.');
    expect(form.hasFieldErrors()).toBe(true);
  });

  it("clears a field's message once its value changes, and puts the values back as new on each opening", async () => {
    const { form, visible, start } = mountForm();
    form.values.name = 'Sophie';
    form.setField('name', 'Trop court.');
    form.setField('city', 'Commune inconnue.');
    form.values.name = 'Sophie Martin';
    await nextTick();
    expect(form.fieldErrors).toEqual({ city: 'Commune inconnue.' });
    visible.value = false;
    await nextTick();
    start.value = 'Échirolles';
    visible.value = true;
    await nextTick();
    expect(form.values).toEqual({ name: '', city: 'Échirolles' });
    expect(form.fieldErrors).toEqual({});
  });

  it('puts the values back as the record reads now on `reset`, without the messages (after a CONFLICT)', async () => {
    const { form, start } = mountForm();
    form.values.city = 'Voiron';
    form.formError.value = 'Modifié entre-temps.';
    start.value = 'Meylan';
    form.reset();
    expect(form.values).toEqual({ name: '', city: 'Meylan' });
    expect(form.formError.value).toBeNull();
  });
});
