// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { nextTick } from 'vue';
import { CombinedGraphQLErrors } from '@apollo/client';
import { mountComposable } from '@/testing/mount-composable';
import type { MutationResult } from './use-mutation';
import { useRowAction } from './use-row-action';

const mountAction = () => mountComposable(useRowAction);

afterEach(() => {
  document.body.innerHTML = '';
});

describe('useRowAction', () => {
  it('marks the row while the change runs, then says it succeeded', async () => {
    const action = mountAction();
    let finish!: (result: MutationResult<{ done: boolean }>) => void;
    const running = action.run('M1', () => new Promise<MutationResult<{ done: boolean }>>((resolve) => (finish = resolve)), 'Léa Martin est désactivée.');
    expect(action.busyId.value).toBe('M1');
    finish({ ok: true, data: { done: true } });
    expect((await running).ok).toBe(true);
    expect(action.busyId.value).toBeNull();
    expect(action.error.value).toBeNull();
    await nextTick();
    expect(document.body.textContent).toContain('Léa Martin est désactivée.');
  });

  it('keeps the API’s refusal, and forgets it when another change starts', async () => {
    const action = mountAction();
    const refusal = new CombinedGraphQLErrors({ errors: [{ message: 'Quelqu’un l’a modifiée entre-temps.', extensions: { code: 'CONFLICT' } }] });
    const result = await action.run('M1', () => Promise.resolve({ ok: false, error: refusal }), 'Fait.');
    expect(result.ok).toBe(false);
    expect(action.error.value).toBe('Quelqu’un l’a modifiée entre-temps.');
    expect(action.busyId.value).toBeNull();
    await nextTick();
    expect(document.body.textContent).not.toContain('Fait.');
    const next = action.run('M2', () => new Promise(() => undefined), 'Fait.');
    expect(action.error.value).toBeNull();
    void next;
  });
});
