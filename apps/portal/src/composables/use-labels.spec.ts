import { describe, expect, it } from 'vitest';
import { ageOn, personName } from './use-labels';

describe('personName', () => {
  it('names a person first name first, as in a sentence', () => {
    expect(personName({ firstName: 'Awa', lastName: 'Diallo' })).toBe('Awa Diallo');
  });
});

describe('ageOn', () => {
  it('counts whole years, the birthday not yet come this year not counted', () => {
    expect(ageOn('1990-12-07', '2026-12-06')).toBe(35);
    expect(ageOn('1990-12-06', '2026-12-06')).toBe(36);
  });
});
