// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { effectScope, nextTick } from 'vue';
import { useSearchAsTyped } from './use-search-as-typed';

const scope = effectScope();
beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

async function typeAndWait(search: { value: string }, text: string): Promise<void> {
  search.value = text;
  await nextTick();
  await vi.advanceTimersByTimeAsync(300);
}

describe('useSearchAsTyped', () => {
  it('asks once two characters are typed, and lists the matches', async () => {
    const asked: string[] = [];
    const found = scope.run(() => useSearchAsTyped(async (wanted) => (asked.push(wanted), [`${wanted} 1`])))!;
    await typeAndWait(found.search, 'G');
    expect(asked).toEqual([]);
    await typeAndWait(found.search, ' Gre ');
    expect(asked).toEqual(['Gre']);
    expect(found.choices.value).toEqual(['Gre 1']);
  });

  it('drops an answer to a search typed over meanwhile', async () => {
    let answer: (value: string[]) => void = () => {};
    const found = scope.run(() => useSearchAsTyped(() => new Promise<string[]>((resolve) => (answer = resolve))))!;
    await typeAndWait(found.search, 'Gre');
    found.search.value = 'Grenoble';
    answer(['Grésivaudan']);
    await vi.advanceTimersByTimeAsync(0);
    expect(found.choices.value).toEqual([]);
  });

  it('says a failed search failed, and lists nothing', async () => {
    const found = scope.run(() => useSearchAsTyped<string>(() => Promise.reject(new Error('réseau'))))!;
    await typeAndWait(found.search, 'Gre');
    expect(found.failed.value).toBe(true);
    expect(found.choices.value).toEqual([]);
  });
});
