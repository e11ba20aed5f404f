// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { defineComponent, h, nextTick, ref } from 'vue';
import DateField from './DateField.vue';
import { todayLocalDate } from '@/composables/use-labels';
import { mountInApp } from '@/testing/mount-in-app';

function mountDate(props: Record<string, unknown>) {
  const day = ref('2026-03-02');
  mountInApp(
    defineComponent(
      () => () =>
        h(DateField, { id: 'day', label: 'Date', modelValue: day.value, 'onUpdate:modelValue': (v: string | undefined) => (day.value = v ?? ''), ...props }),
    ),
  );
  return { day, input: () => document.getElementById('day') as HTMLInputElement };
}

afterEach(() => {
  document.body.innerHTML = '';
});

describe('DateField', () => {
  it('is a labelled day whose error is announced with it', async () => {
    const { day, input } = mountDate({ error: 'Date obligatoire.', required: true });
    await nextTick();
    expect(input().type).toBe('date');
    expect(document.querySelector('label[for="day"]')?.textContent).toBe('Date');
    expect(input().getAttribute('aria-invalid')).toBe('true');
    expect(input().getAttribute('aria-describedby')).toBe('day-error');
    expect(document.getElementById('day-error')?.textContent).toContain('Date obligatoire.');
    expect(input().required).toBe(true);
    input().value = '2026-04-01';
    input().dispatchEvent(new Event('input'));
    expect(day.value).toBe('2026-04-01');
  });

  it('offers only the plausible days: the tighter of the bounds and the form’s own limits', async () => {
    const { input } = mountDate({ bounds: { earliest: '2010-05-01', latest: '2029-12-31' }, min: '2026-01-15', max: '2030-06-30' });
    await nextTick();
    expect(input().min).toBe('2026-01-15');
    expect(input().max).toBe('2029-12-31');
  });

  it('a day already come goes up to today, no later', async () => {
    const { input } = mountDate({ past: true, max: '2999-01-01' });
    await nextTick();
    expect(input().max).toBe(todayLocalDate());
    expect(input().min).toBe('');
  });
});
