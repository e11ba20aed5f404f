// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { nextTick } from 'vue';
import { CombinedGraphQLErrors } from '@apollo/client';
import { mountComposable } from '@/testing/mount-composable';
import { useChangeToasts } from './use-change-toasts';

const mountToasts = () => mountComposable(useChangeToasts);

afterEach(() => {
  document.body.innerHTML = '';
});

describe('useChangeToasts', () => {
  it('says the success it is given, and gives the answer back', async () => {
    const said = mountToasts();
    const result = await said(Promise.resolve({ ok: true, data: { revoked: true } }), 'Le lien est révoqué.');
    expect(result).toEqual({ ok: true, data: { revoked: true } });
    await nextTick();
    expect(document.body.textContent).toContain('Le lien est révoqué.');
  });

  it('says nothing of a success with nothing to say', async () => {
    const said = mountToasts();
    await said(Promise.resolve({ ok: true, data: {} }));
    await nextTick();
    expect(document.querySelector('.p-toast-message')).toBeNull();
  });

  it('says the API’s refusal, not the success', async () => {
    const said = mountToasts();
    const refusal = new CombinedGraphQLErrors({ errors: [{ message: 'Ce jour n’est pas fermé.', extensions: { code: 'BAD_USER_INPUT' } }] });
    const result = await said(Promise.resolve({ ok: false, error: refusal }), 'Le jour est rouvert.');
    expect(result.ok).toBe(false);
    await nextTick();
    expect(document.body.textContent).toContain('Ce jour n’est pas fermé.');
    expect(document.body.textContent).not.toContain('Le jour est rouvert.');
  });

  it('says a network failure in words', async () => {
    const said = mountToasts();
    await said(Promise.resolve({ ok: false, error: new TypeError('Failed to fetch') }));
    await nextTick();
    expect(document.body.textContent).toContain('Le serveur ne répond pas.');
  });
});
