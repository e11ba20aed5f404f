// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { flushPromises, mount } from '@vue/test-utils';
import { defineComponent, h, nextTick } from 'vue';
import { createMemoryHistory, createRouter } from 'vue-router';
import { useAddressParam, useAddressSearch } from './use-address-param';

type View = 'new' | 'decided';
const isView = (value: string): value is View => value === 'new' || value === 'decided';

/** A list page at `address`, with a view filter and a search box kept in the address. */
async function listAt(address: string) {
  const router = createRouter({ history: createMemoryHistory(), routes: [{ path: '/list', component: { render: () => null } }] });
  await router.push(address);
  let state!: { view: ReturnType<typeof useAddressParam<View>> } & ReturnType<typeof useAddressSearch>;
  const Page = defineComponent(() => {
    state = { view: useAddressParam<View>('liste', 'new', isView), ...useAddressSearch() };
    return () => h('div');
  });
  mount(Page, { global: { plugins: [router] } });
  return { router, state };
}

afterEach(() => vi.useRealTimers());

describe('useAddressParam and useAddressSearch', () => {
  it('read the filters from the address, a value it does not know as the default', async () => {
    expect((await listAt('/list?liste=decided&q=Martin')).state.view.value).toBe('decided');
    expect((await listAt('/list?liste=decided&q=Martin')).state.term.value).toBe('Martin');
    expect((await listAt('/list?liste=everything')).state.view.value).toBe('new');
  });

  it('write a changed filter back, the default left out, the others kept', async () => {
    const { router, state } = await listAt('/list?q=Martin');
    state.view.value = 'decided';
    await flushPromises();
    expect(router.currentRoute.value.query).toEqual({ q: 'Martin', liste: 'decided' });
    state.view.value = 'new';
    await flushPromises();
    expect(router.currentRoute.value.query).toEqual({ q: 'Martin' });
  });

  it('put the search in the address once typing pauses, trimmed', async () => {
    vi.useFakeTimers();
    const { router, state } = await listAt('/list');
    state.search.value = ' Dupont ';
    await nextTick();
    expect(router.currentRoute.value.query).toEqual({});
    await vi.advanceTimersByTimeAsync(400);
    await flushPromises();
    expect(state.term.value).toBe('Dupont');
    expect(router.currentRoute.value.query).toEqual({ q: 'Dupont' });
  });
});
