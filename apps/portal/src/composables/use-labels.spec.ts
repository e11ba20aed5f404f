// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { mountComposable } from '@/testing/mount-composable';
import { dateInWords } from '@jalon/domain';
import { ageOn, personName, todayLocalDate, useLabels } from './use-labels';

afterEach(() => {
  document.body.innerHTML = '';
});

describe('personName', () => {
  it('names a person first name first, as in a sentence', () => {
    expect(personName({ firstName: 'Awa', lastName: 'Diallo' })).toBe('Awa Diallo');
  });
});

describe('todayLocalDate', () => {
  it('is the day in France, whatever the browser’s zone: half past midnight in Paris is already the next day', () => {
    expect(todayLocalDate(new Date('2026-12-06T23:30:00Z'))).toBe('2026-12-07');
    expect(todayLocalDate(new Date('2026-07-06T21:59:00Z'))).toBe('2026-07-06');
  });
});

describe('ageOn', () => {
  it('counts whole years, the birthday not yet come this year not counted', () => {
    expect(ageOn('1990-12-07', '2026-12-06')).toBe(35);
    expect(ageOn('1990-12-06', '2026-12-06')).toBe(36);
  });
});

describe('labels.period', () => {
  it('says from which day to which, or from which day while there is no end', () => {
    const labels = mountComposable(useLabels);
    expect(labels.period('2026-03-02', '2026-04-15')).toBe('du 02/03/2026 au 15/04/2026');
    expect(labels.period('2026-03-02', null)).toBe('à partir du 02/03/2026');
  });
});

describe('dates in words', () => {
  it('writes the first of a month « 1er » in French, and the other days as Intl does', () => {
    const labels = mountComposable(useLabels);
    expect(labels.localDate('2026-09-01')).toBe('1er septembre 2026');
    expect(labels.localDate('2026-09-02')).toBe('2 septembre 2026');
    expect(labels.parisDateTime('2026-12-01T08:00:00Z')).toBe('mardi 1er décembre 2026 à 09:00');
    expect(dateInWords('en', new Date('2026-09-01T12:00:00Z'), { dateStyle: 'long', timeZone: 'UTC' })).toBe('September 1, 2026');
  });
});
