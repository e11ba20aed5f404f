import { afterEach, describe, expect, it, vi } from 'vitest';
import { effectScope, nextTick } from 'vue';
import { useListSearch } from './use-list-search';

afterEach(() => vi.useRealTimers());

describe('useListSearch', () => {
  it('searches for what was typed once typing pauses, trimmed', async () => {
    vi.useFakeTimers();
    const { search, term } = effectScope().run(() => useListSearch())!;
    search.value = ' Dup';
    await nextTick();
    await vi.advanceTimersByTimeAsync(100);
    search.value = ' Dupont ';
    await nextTick();
    await vi.advanceTimersByTimeAsync(200);
    expect(term.value).toBe('');
    await vi.advanceTimersByTimeAsync(200);
    expect(term.value).toBe('Dupont');
  });

  it('starts from what the address already searched', () => {
    expect(effectScope().run(() => useListSearch(' Martin'))!.term.value).toBe('Martin');
  });
});
