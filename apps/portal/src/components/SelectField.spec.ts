// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { defineComponent, h, nextTick, ref } from 'vue';
import SelectField from './SelectField.vue';
import { mountInApp } from '@/testing/mount-in-app';

const OPTIONS = [
  { value: 'OFFICE', label: 'Au bureau' },
  { value: 'LOCAL_OFFICE_HOURS', label: 'Permanence' },
];

function mountSelect(props: Record<string, unknown>, slot?: () => unknown) {
  const place = ref('');
  mountInApp(
    defineComponent(
      () => () =>
        h(
          SelectField,
          {
            id: 'place',
            label: 'Lieu',
            options: OPTIONS,
            modelValue: place.value,
            'onUpdate:modelValue': (v: string | undefined) => (place.value = v ?? ''),
            ...props,
          },
          slot ? { default: slot } : undefined,
        ),
    ),
  );
  return { place, select: () => document.getElementById('place') as HTMLSelectElement };
}

afterEach(() => {
  document.body.innerHTML = '';
});

describe('SelectField', () => {
  it('is a labelled select of its options, its error and hint announced with it', async () => {
    const { place, select } = mountSelect({ hint: 'Où a lieu le rendez-vous', error: 'Lieu obligatoire.' });
    await nextTick();
    expect(document.querySelector('label[for="place"]')?.textContent).toBe('Lieu');
    expect([...select().options].map((o) => o.textContent)).toEqual(['Au bureau', 'Permanence']);
    expect(select().getAttribute('aria-invalid')).toBe('true');
    expect(select().getAttribute('aria-describedby')).toBe('place-hint place-error');
    select().value = 'LOCAL_OFFICE_HOURS';
    select().dispatchEvent(new Event('change'));
    expect(place.value).toBe('LOCAL_OFFICE_HOURS');
  });

  it('puts the empty choice first: one a required field cannot pick back, one a filter can', async () => {
    const { select } = mountSelect({ placeholder: 'Choisir un lieu', required: true });
    await nextTick();
    expect(select().options[0]).toMatchObject({ value: '', textContent: 'Choisir un lieu', disabled: true });
    expect(select().required).toBe(true);
    document.body.innerHTML = '';
    const filter = mountSelect({ placeholder: 'Tous les lieux' });
    await nextTick();
    expect(filter.select().options[0]).toMatchObject({ value: '', disabled: false });
    expect(filter.select().getAttribute('aria-invalid')).toBeNull();
  });

  it('adds what the page puts in its slot after the options', async () => {
    const { select } = mountSelect({}, () => h('option', { value: 'OLD' }, 'Ancien lieu'));
    await nextTick();
    expect([...select().options].map((o) => o.value)).toEqual(['OFFICE', 'LOCAL_OFFICE_HOURS', 'OLD']);
  });
});
