// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import ReportDayField from './ReportDayField.vue';
import { mountInApp } from '@/testing/mount-in-app';

afterEach(() => {
  document.body.innerHTML = '';
});

describe('ReportDayField', () => {
  it('is a labelled day that says the day chosen once it changes', async () => {
    const wrapper = mountInApp(ReportDayField, { props: { id: 'report-from', label: 'Du', value: '2026-01-01' } });
    const input = wrapper.get('input#report-from');
    expect(wrapper.get('label[for="report-from"]').text()).toBe('Du');
    expect((input.element as HTMLInputElement).value).toBe('2026-01-01');
    await input.setValue('2026-03-15');
    expect(wrapper.emitted('change')).toEqual([['2026-03-15']]);
  });
});
