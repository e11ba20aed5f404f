// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { defineComponent, h, nextTick, ref, shallowRef } from 'vue';
import CommuneField from './CommuneField.vue';
import type { CommuneChoice, useCommuneLookup } from '@/modules/participants/composables/use-commune-lookup';
import { mountInApp } from '@/testing/mount-in-app';

/** The lookup as useCommuneLookup gives it, driven by the test: what the API found for the postcode. */
function mountCommune() {
  const choices = shallowRef<CommuneChoice[]>([]);
  const loading = ref(false);
  const code = ref('');
  const communes = { choices, loading, codeName: ref(null) } as unknown as ReturnType<typeof useCommuneLookup>;
  mountInApp(
    defineComponent(
      () => () =>
        h(CommuneField, {
          id: 'commune',
          label: 'Commune',
          hint: 'Parmi celles du code postal',
          communes,
          modelValue: code.value,
          'onUpdate:modelValue': (v: string | undefined) => (code.value = v ?? ''),
        }),
    ),
  );
  return { choices, loading, code };
}

const select = () => document.getElementById('commune') as HTMLSelectElement;

afterEach(() => {
  document.body.innerHTML = '';
});

describe('CommuneField', () => {
  it('asks for the postcode first, and cannot be opened until it has communes to offer', () => {
    mountCommune();
    expect(select().disabled).toBe(true);
    expect(select().options[0]?.textContent).toBe("Saisissez d'abord le code postal");
    expect(document.body.textContent).toContain('Parmi celles du code postal');
  });

  it("says it is looking the postcode's communes up, then offers them by name and INSEE code", async () => {
    const { choices, loading, code } = mountCommune();
    loading.value = true;
    await nextTick();
    expect(select().options[0]?.textContent).toBe('Chargement…');
    choices.value = [
      { code: '38185', name: 'Grenoble', postcodes: ['38000', '38100'] },
      { code: '38421', name: 'Saint-Martin-le-Vinoux', postcodes: ['38950'] },
    ] as CommuneChoice[];
    loading.value = false;
    await nextTick();
    expect(select().disabled).toBe(false);
    expect([...select().options].map((o) => o.textContent)).toEqual(['Choisissez la commune', 'Grenoble (38185)', 'Saint-Martin-le-Vinoux (38421)']);
    select().value = '38185';
    select().dispatchEvent(new Event('change'));
    expect(code.value).toBe('38185');
  });
});
