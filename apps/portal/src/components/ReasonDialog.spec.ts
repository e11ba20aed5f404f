// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { defineComponent, h, nextTick, ref } from 'vue';
import ReasonDialog from './ReasonDialog.vue';
import type { MutationResult } from '@/composables/use-mutation';
import { useReasonDialog } from '@/composables/use-reason-dialog';
import { clickSubmit, inputById, typeInto } from '@/testing/form-actions';
import { mountInApp } from '@/testing/mount-in-app';

async function mountReason(requiredMessage?: () => string) {
  const visible = ref(true);
  const sent: string[] = [];
  mountInApp(
    defineComponent(() => {
      const dialog = useReasonDialog({
        id: 'reason-form',
        visible,
        requiredMessage,
        send: async (reason): Promise<MutationResult<{ done: boolean }>> => {
          sent.push(reason);
          return { ok: true, data: { done: true } };
        },
        success: () => 'Fait',
      });
      return () =>
        h(ReasonDialog, { dialog, header: 'Effacer', submitLabel: 'Effacer', intro: "C'est définitif.", reasonId: 'why', reasonLabel: 'Motif', long: true });
    }),
  );
  await nextTick();
  return { visible, sent };
}

afterEach(() => {
  document.body.innerHTML = '';
});

describe('ReasonDialog with useReasonDialog', () => {
  it('says what is about to happen and asks the reason, as a long text', async () => {
    await mountReason();
    expect(document.body.textContent).toContain("C'est définitif.");
    expect(inputById('why').tagName).toBe('TEXTAREA');
    expect(inputById('why').getAttribute('maxlength')).toBe('1000');
    expect(document.querySelector('label[for="why"]')?.textContent).toContain('Motif');
  });

  it('sends nothing without a reason (blanks are none), and says so under the field', async () => {
    const { sent, visible } = await mountReason(() => 'Dites pourquoi.');
    await typeInto('why', '   ');
    await clickSubmit();
    expect(sent).toEqual([]);
    expect(document.body.textContent).toContain('Dites pourquoi.');
    expect(visible.value).toBe(true);
  });

  it('sends the reason trimmed, then closes', async () => {
    const { sent, visible } = await mountReason();
    await typeInto('why', '  Demande écrite du 3 mars ');
    await clickSubmit();
    expect(sent).toEqual(['Demande écrite du 3 mars']);
    expect(visible.value).toBe(false);
  });
});
