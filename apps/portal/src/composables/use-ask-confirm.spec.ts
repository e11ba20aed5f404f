// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { flushPromises } from '@vue/test-utils';
import ConfirmDialog from 'primevue/confirmdialog';
import { defineComponent, h } from 'vue';
import { mountInApp } from '@/testing/mount-in-app';
import { useAskConfirm, type ConfirmQuestion } from './use-ask-confirm';

/** A page with the shell's ConfirmDialog and one button that asks `question`; `done` lists what was accepted. */
async function ask(question: Omit<ConfirmQuestion, 'accept'>) {
  const done: string[] = [];
  const Harness = defineComponent(() => {
    const askConfirm = useAskConfirm();
    return () => [
      h(ConfirmDialog),
      h('button', { id: 'ask', onClick: () => askConfirm({ ...question, accept: () => done.push(question.acceptLabel) }) }, 'Demander'),
    ];
  });
  const wrapper = mountInApp(Harness);
  document.querySelector<HTMLButtonElement>('#ask')!.click();
  await flushPromises();
  const dialog = document.querySelector('[role="alertdialog"]');
  const button = (label: string) => [...(dialog?.querySelectorAll('button') ?? [])].find((b) => b.textContent?.trim() === label);
  return { wrapper, done, dialog, button };
}

describe('useAskConfirm', () => {
  afterEach(() => {
    document.body.innerHTML = '';
  });

  it('asks the question with « Annuler » taking the focus, and acts only once accepted', async () => {
    const { done, dialog, button } = await ask({ header: 'Désactiver le compte ?', message: 'Léa ne pourra plus se connecter.', acceptLabel: 'Désactiver' });
    expect(dialog?.textContent).toContain('Désactiver le compte ?');
    expect(dialog?.textContent).toContain('Léa ne pourra plus se connecter.');
    expect(button('Annuler')?.hasAttribute('autofocus')).toBe(true);
    expect(button('Désactiver')?.className).toContain('p-button-danger');
    expect(done).toEqual([]);
    button('Désactiver')!.click();
    await flushPromises();
    expect(done).toEqual(['Désactiver']);
  });

  it('keeps things as they are on the keep button, which may be named', async () => {
    const { done, button } = await ask({
      header: 'Retirer ce point ?',
      message: 'Le point quitte l’ordre du jour.',
      acceptLabel: 'Retirer',
      keepLabel: 'Garder le point',
    });
    expect(button('Annuler')).toBeUndefined();
    button('Garder le point')!.click();
    await flushPromises();
    expect(done).toEqual([]);
  });

  it('shows a step that takes nothing away without the red button', async () => {
    const { button } = await ask({ header: 'Tenir la réunion ?', message: 'L’ordre du jour est figé.', acceptLabel: 'Tenir la réunion', danger: false });
    expect(button('Tenir la réunion')?.className).not.toContain('p-button-danger');
  });
});
