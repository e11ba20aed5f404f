// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { flushPromises } from '@vue/test-utils';
import { defineComponent, h, nextTick, ref } from 'vue';
import CommuneSearchField from './CommuneSearchField.vue';
import { inputById, typeInto } from '@/testing/form-actions';
import { mountInApp } from '@/testing/mount-in-app';

// The API's reference communes, as the search asks them.
const query = vi.hoisted(() => vi.fn());
vi.mock('@/app/apollo', () => ({ apolloClient: { query } }));

function mountCommune(saved: { code: string; name: string } | null = null) {
  const code = ref(saved?.code ?? '');
  mountInApp(
    defineComponent(
      () => () =>
        h(CommuneSearchField, {
          id: 'offer-commune',
          label: 'Commune du poste',
          saved,
          required: true,
          modelValue: code.value,
          'onUpdate:modelValue': (v: string | undefined) => (code.value = v ?? ''),
        }),
    ),
  );
  return { code };
}

const options = () => [...(inputById('offer-commune') as unknown as HTMLSelectElement).options].map((o) => o.textContent);

beforeEach(() => {
  vi.useFakeTimers();
  query.mockResolvedValue({ data: { communes: [{ code: '38151', name: 'Échirolles', postcodes: ['38130'] }] } });
});
afterEach(() => {
  vi.useRealTimers();
  document.body.innerHTML = '';
});

describe('CommuneSearchField', () => {
  it('asks to search first, then offers what the name typed found', async () => {
    const { code } = mountCommune();
    expect(document.querySelector('label[for="offer-commune-search"]')?.textContent).toContain('Rechercher la commune');
    expect(options()).toEqual(["Recherchez d'abord la commune"]);
    await typeInto('offer-commune-search', 'Échi');
    await vi.advanceTimersByTimeAsync(300);
    await flushPromises();
    await nextTick();
    expect(query).toHaveBeenCalledWith(expect.objectContaining({ variables: expect.objectContaining({ search: 'Échi' }) }));
    expect(options()).toEqual(['Choisissez la commune', 'Échirolles (38151)']);
    const select = inputById('offer-commune') as unknown as HTMLSelectElement;
    select.value = '38151';
    select.dispatchEvent(new Event('change'));
    expect(code.value).toBe('38151');
  });

  it('keeps offering the commune saved on the record before anything is searched', () => {
    mountCommune({ code: '38185', name: 'Grenoble' });
    expect(options()).toEqual(['Choisissez la commune', 'Grenoble (38185)']);
    expect((inputById('offer-commune') as unknown as HTMLSelectElement).value).toBe('38185');
  });
});
