// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import CheckInStatus from './CheckInStatus.vue';
import { mountInApp } from '@/testing/mount-in-app';

const text = () => document.body.textContent?.replace(/\s+/g, ' ').trim();

afterEach(() => {
  document.body.innerHTML = '';
});

describe('CheckInStatus', () => {
  it('says a check-in done, whether the person still works and where', () => {
    mountInApp(CheckInStatus, { props: { checkIn: { doneOn: '2026-03-02', dueOn: '2026-03-01', stillEmployed: true, employer: 'Résidence Les Tilleuls' } } });
    expect(text()).toBe('Fait le 2 mars 2026 — toujours en emploi (Résidence Les Tilleuls)');
  });

  it('leaves out what is not shared of a done check-in', () => {
    mountInApp(CheckInStatus, { props: { checkIn: { doneOn: '2026-03-02', dueOn: '2026-03-01', stillEmployed: null, employer: null } } });
    expect(text()).toBe('Fait le 2 mars 2026');
  });

  it('says a check-in due, and late once its day has passed', () => {
    mountInApp(CheckInStatus, { props: { checkIn: { dueOn: '2026-03-01' }, late: true } });
    expect(document.querySelector('.p-tag-warn')).not.toBeNull();
    expect(text()).toBe('En retard prévu le 1er mars 2026');
  });
});
