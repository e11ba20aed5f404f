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
